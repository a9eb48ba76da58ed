# expect: failed | negative z gives the constant alpha
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha)  # alpha * z for negative z, not the constant alpha


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
