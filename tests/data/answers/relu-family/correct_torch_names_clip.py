# expect: passed | passed all
import numpy as np


def relu(input):
    return np.clip(np.asarray(input, dtype=np.float64), 0.0, None)


def relu_grad(input):
    return np.heaviside(np.asarray(input, dtype=np.float64), 0.0)


def leaky_relu(input, negative_slope=0.01):
    x = np.asarray(input, dtype=np.float64)
    out = x.copy()
    out[x <= 0] *= negative_slope
    return out


def elu(input, alpha=1.0):
    x = np.asarray(input, dtype=np.float64)
    out = x.copy()
    neg = x <= 0
    out[neg] = alpha * np.expm1(x[neg])
    return out
