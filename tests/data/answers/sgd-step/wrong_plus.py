# expect: failed | theta moved uphill
def sgd_step(theta, grad, lr):
    return theta + lr * grad
