# expect: failed | np.where(cond, 1.0, 0.0)
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    # integer literals: np.where gives int64 0s and 1s, nothing lost, but not float64
    return np.where(z > 0, 1, 0)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
