# expect: failed | changed its input v in place
def momentum_step(theta, grad, v, lr, beta=0.9):
    v *= beta
    v += grad
    return theta - lr * v, v
