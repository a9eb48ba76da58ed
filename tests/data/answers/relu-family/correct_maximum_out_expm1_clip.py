# expect: passed | passed all
import numpy as np


def relu(z):
    out = np.empty(np.shape(z), dtype=np.float64)
    np.maximum(z, 0, out=out)
    return out


def relu_grad(z):
    return (np.asarray(z) > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * np.expm1(np.clip(z, None, 0.0)))
