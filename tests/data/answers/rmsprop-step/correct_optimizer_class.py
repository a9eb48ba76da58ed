# expect: passed | passed all
import numpy as np


class _RMSprop:
    """The optimizer as a small object holding its hyperparameters and its s."""

    def __init__(self, s, lr, rho, eps):
        self.s = np.array(s, dtype=float)
        self.lr, self.rho, self.eps = lr, rho, eps

    def step(self, theta, grad):
        self.s = self.rho * self.s + (1 - self.rho) * grad**2
        return theta - self.lr * grad / (np.sqrt(self.s) + self.eps)


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    opt = _RMSprop(s, lr, rho, eps)
    return opt.step(theta, grad), opt.s
