# expect: failed | your code changed its input z in place
import numpy as np


class ReLU:
    """Like nn.ReLU(inplace=True): saves a copy by reusing the input's memory."""

    def __call__(self, z):
        return np.maximum(z, 0.0, out=z)


def relu(z):
    return ReLU()(z)


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
