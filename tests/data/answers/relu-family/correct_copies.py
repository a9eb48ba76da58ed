# expect: passed | passed
import numpy as np


def relu(z):
    out = z.copy()
    out[out < 0] = 0.0
    return out


def relu_grad(z):
    return (z > 0).astype(np.float64)


def leaky_relu(z, alpha=0.01):
    out = z.copy()
    neg = out <= 0
    out[neg] *= alpha
    return out


def elu(z, alpha=1.0):
    out = z.copy()
    neg = out <= 0
    out[neg] = alpha * (np.exp(out[neg]) - 1.0)
    return out
