# expect: failed | theta and grad swapped places: grad - lr * theta
def sgd_step(theta, grad, lr):
    return grad - lr * theta
