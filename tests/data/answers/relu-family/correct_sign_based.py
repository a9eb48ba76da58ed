# expect: passed | passed all
import numpy as np


def relu(z):
    z = np.asarray(z, dtype=np.float64)
    return z * (z > 0)


def relu_grad(z):
    return (np.sign(np.asarray(z, dtype=np.float64)) + 1.0) // 2.0


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=np.float64)
    return z * np.where(z > 0, 1.0, alpha)


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    return np.maximum(z, 0.0) + alpha * np.expm1(np.minimum(z, 0.0))
