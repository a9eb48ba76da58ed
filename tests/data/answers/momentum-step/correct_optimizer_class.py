# expect: passed | passed all
import numpy as np


class SGDMomentum:
    """PyTorch-style optimizer: a momentum buffer per parameter, buf = momentum * buf + grad."""

    def __init__(self, lr, momentum=0.9):
        self.lr = lr
        self.momentum = momentum

    def step(self, param, grad, buf):
        new_buf = np.multiply(buf, self.momentum)
        np.add(new_buf, grad, out=new_buf)
        new_param = param - self.lr * new_buf
        return new_param, new_buf


def momentum_step(theta, grad, v, lr, beta=0.9):
    return SGDMomentum(lr, momentum=beta).step(theta, grad, v)
