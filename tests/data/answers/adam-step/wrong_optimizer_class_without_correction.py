# expect: failed | no bias correction
import numpy as np


class Adam:
    """An optimizer object as a framework would hold it; t is kept but never used."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps

    def __call__(self, theta, grad, m, v, t):
        m = self.beta1 * m + (1 - self.beta1) * grad
        v = self.beta2 * v + (1 - self.beta2) * grad * grad
        step = self.lr * m / (np.sqrt(v) + self.eps)
        return theta - step, m, v


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    return Adam(lr, beta1, beta2, eps)(theta, grad, m, v, t)
