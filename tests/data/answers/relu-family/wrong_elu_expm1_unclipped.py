# expect: failed | np.where evaluates both branches, so exp(z) (or expm1(z)) overflowed
import numpy as np


def relu(z):
    return np.maximum(0, z).astype(np.float64)


def relu_grad(z):
    return (z > 0) * 1.0


def leaky_relu(z, alpha=0.01):
    return np.maximum(z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(z))
