# expect: failed | theta came back unchanged
def sgd_step(theta, grad, lr):
    new_theta = theta.copy()
    new_theta - lr * grad
    return new_theta
