# expect: passed | passed
def sgd_step(theta, grad, lr):
    step = grad.copy()
    step *= lr
    return theta - step
