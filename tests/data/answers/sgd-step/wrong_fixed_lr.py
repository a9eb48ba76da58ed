# expect: failed | lr was ignored
def sgd_step(theta, grad, lr):
    return theta - 0.01 * grad
