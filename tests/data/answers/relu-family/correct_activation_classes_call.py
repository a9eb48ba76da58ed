# expect: passed | passed
import numpy as np


class ReLU:
    def __call__(self, z):
        return np.maximum(z, 0.0)

    def grad(self, z):
        return (z > 0).astype(np.float64)


class LeakyReLU:
    def __init__(self, alpha):
        self.alpha = alpha

    def __call__(self, z):
        return np.where(z > 0, z, self.alpha * z)


class ELU:
    def __init__(self, alpha):
        self.alpha = alpha

    def __call__(self, z):
        return np.where(z > 0, z, self.alpha * np.expm1(np.minimum(z, 0.0)))


_relu = ReLU()


def relu(z):
    return _relu(z)


def relu_grad(z):
    return _relu.grad(z)


def leaky_relu(z, alpha=0.01):
    return LeakyReLU(alpha)(z)


def elu(z, alpha=1.0):
    return ELU(alpha)(z)
