# expect: passed | passed all
import numpy as np


class Sigmoid:
    """A layer: forward caches its output, backward multiplies the upstream gradient."""

    def forward(self, x):
        e = np.exp(-np.abs(x))
        self.out = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return self.out

    def backward(self, dout):
        return dout * self.out * (1.0 - self.out)


def sigmoid_grad(z):
    layer = Sigmoid()
    layer.forward(z)
    return layer.backward(np.ones_like(z))
