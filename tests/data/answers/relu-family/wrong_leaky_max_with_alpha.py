# expect: failed | negative z gives the constant alpha
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    return (np.asarray(z) > 0).astype(float)


def leaky_relu(z, alpha=0.01):
    """max(z, alpha) instead of max(z, alpha * z)."""
    return np.maximum(z, alpha)


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
