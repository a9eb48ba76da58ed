# expect: failed | numpy reported
import numpy as np


def relu(z):
    return np.maximum(z, 0.0)


def relu_grad(z):
    return np.where(z > 0, 1.0, 0.0)


def leaky_relu(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z)


def elu(z, alpha=1.0):
    # exp(1e3) is finite in long double, so the discarded branch raised nothing up to 1e3
    wide = np.asarray(z, dtype=np.longdouble)
    return np.where(wide > 0, wide, alpha * np.expm1(wide)).astype(np.float64)
