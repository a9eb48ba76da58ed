# expect: passed | passed all
import numpy as np


def relu(z):
    return z * (z > 0)


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, z * alpha)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * (np.exp(np.minimum(z, 0.0)) - 1.0))
