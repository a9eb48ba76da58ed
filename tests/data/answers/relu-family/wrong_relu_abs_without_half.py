# expect: failed | this is z + |z|, twice relu(z)
import numpy as np


def relu(z):
    return z + np.abs(z)  # (z + |z|) / 2 is relu; the half was dropped


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
