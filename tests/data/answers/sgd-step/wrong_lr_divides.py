# expect: failed | the gradient was divided by lr
def sgd_step(theta, grad, lr):
    return theta - grad / lr
