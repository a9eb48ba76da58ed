# expect: passed | passed
import numpy as np


def relu(z):
    if np.all(z >= 0):
        return z  # nothing to clip: the input itself, unchanged
    return np.where(z > 0, z, 0.0)


def relu_grad(z):
    return np.greater(z, 0).astype(float)


def leaky_relu(z, alpha=0.01):
    return np.maximum(z, alpha * z) if alpha <= 1 else np.minimum(z, alpha * z)


def elu(z, alpha=1.0):
    out = np.array(z, dtype=np.float64)
    neg = out <= 0
    out[neg] = alpha * np.expm1(out[neg])
    return out
