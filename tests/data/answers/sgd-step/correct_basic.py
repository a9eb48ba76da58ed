# expect: passed | passed all
def sgd_step(theta, grad, lr):
    return theta - lr * grad
