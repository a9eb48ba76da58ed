# expect: passed | passed all
import numpy as np


class SGD:
    """A torch.optim-like optimizer over a list of parameters (each step returns new arrays)."""

    def __init__(self, lr):
        self.lr = lr

    def step(self, params, grads):
        return [p - self.lr * g for p, g in zip(params, grads)]


def sgd_step(theta, grad, lr):
    (new_theta,) = SGD(lr).step([theta], [grad])
    return new_theta
