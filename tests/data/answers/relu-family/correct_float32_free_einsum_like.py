# expect: passed | passed
import numpy as np


def relu(z):
    """z times its own positive mask, written with multiply."""
    z = np.asarray(z, dtype=np.float64)
    return np.multiply(z, z > 0)


def relu_grad(z):
    return np.greater(z, 0).astype(float)


def leaky_relu(z, alpha=0.01):
    """max(z, alpha*z) holds for 0 <= alpha <= 1; the split by sign holds for any alpha."""
    z = np.asarray(z, dtype=np.float64)
    out = z.copy()
    out[z <= 0] *= alpha
    return out


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    out = z.copy()
    neg = z <= 0
    out[neg] = alpha * np.expm1(z[neg])
    return out
