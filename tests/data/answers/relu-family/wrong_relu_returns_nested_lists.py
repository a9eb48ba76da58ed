# expect: failed | relu(...) should be a numpy array, got a list
import numpy as np


def relu(z):
    # a comprehension over rows: each row is a list, so the result is a list of lists
    if z.ndim == 1:
        return [max(0.0, v) for v in z.tolist()]
    return [[max(0.0, v) for v in row] for row in z.reshape(z.shape[0], -1).tolist()]


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
