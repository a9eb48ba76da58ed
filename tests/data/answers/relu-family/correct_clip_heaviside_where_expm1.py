# expect: passed | passed
import numpy as np


def relu(z):
    return np.clip(np.asarray(z, dtype=np.float64), 0.0, None)


def relu_grad(z):
    return np.heaviside(np.asarray(z, dtype=np.float64), 0.0)


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=np.float64)
    return np.maximum(z, 0.0) + alpha * np.minimum(z, 0.0)


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    out = z.copy()
    neg = z <= 0
    out[neg] = alpha * np.expm1(z[neg])
    return out
