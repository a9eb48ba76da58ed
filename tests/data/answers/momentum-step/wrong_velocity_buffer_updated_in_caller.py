# expect: failed | your code changed its input v in place
import numpy as np


class Momentum:
    def __init__(self, lr, beta):
        self.lr, self.beta = lr, beta

    def __call__(self, theta, grad, v):
        v *= self.beta  # updates the velocity buffer it was handed, as torch's optimizer does
        v += grad
        return theta - self.lr * v, v


def momentum_step(theta, grad, v, lr, beta=0.9):
    return Momentum(lr, beta)(theta, grad, v)
