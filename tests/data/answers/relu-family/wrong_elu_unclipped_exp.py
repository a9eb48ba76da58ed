# expect: failed | np.where evaluates both branches, so exp(z) (or expm1(z)) overflowed
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    return np.where(z > 0, 1.0, 0.0)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    # exp of a large positive z overflows in the branch np.where does not pick
    return np.where(z > 0, z, alpha * (np.exp(z) - 1.0))
