# expect: passed | passed all
import numpy as np


def relu(z):
    z = np.asarray(z, dtype=np.float64)
    return 0.5 * (z + np.abs(z))


def relu_grad(z):
    return np.greater(z, 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=np.float64)
    return np.maximum(z, 0.0) + alpha * np.minimum(z, 0.0)


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    out = z.copy()
    neg = z <= 0
    out[neg] = alpha * np.expm1(z[neg])
    return out
