# expect: failed | at theta
def sgd_step(theta, grad, lr):
    return theta - grad / lr
