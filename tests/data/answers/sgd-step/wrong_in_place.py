# expect: failed | changed its input theta in place
def sgd_step(theta, grad, lr):
    theta -= lr * grad
    return theta
