# expect: failed | negative z gives alpha * |z|
import numpy as np


def relu(z):
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_grad(z):
    return (np.asarray(z) > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * np.abs(z))


def elu(z, alpha=1.0):
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
