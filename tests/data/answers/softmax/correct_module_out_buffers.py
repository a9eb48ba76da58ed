# expect: passed | passed all
import numpy as np


class Softmax:
    """Softmax over a chosen axis, written into one buffer."""

    def __init__(self, dim=0):
        self.dim = dim

    def __call__(self, x):
        out = np.subtract(x, x.max(axis=self.dim, keepdims=True))
        np.exp(out, out=out)
        out /= out.sum(axis=self.dim, keepdims=True)
        return out


def softmax(z):
    return Softmax(dim=0)(z)
