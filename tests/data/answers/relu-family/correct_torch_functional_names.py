# expect: passed | passed all
import numpy as np


def relu(z):
    # F.relu
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_grad(z):
    return (np.asarray(z) > 0) * 1.0


def leaky_relu(z, alpha=0.01):
    # F.leaky_relu(z, negative_slope=alpha); z = 0 goes either way: both sides give 0
    z = np.asarray(z, dtype=np.float64)
    return np.where(z >= 0, z, alpha * z)


def elu(z, alpha=1.0):
    # F.elu: the negative branch is evaluated on min(z, 0) so exp never overflows
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * (np.exp(np.minimum(z, 0.0)) - 1.0))
