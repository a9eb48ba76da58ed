# expect: passed | passed
import numpy as np


def relu(z):
    return np.clip(z, 0.0, None)


def relu_grad(z):
    g = np.zeros_like(z, dtype=np.float64)
    g[z > 0] = 1.0
    return g


def leaky_relu(z, alpha=0.01):
    out = np.array(z, dtype=np.float64)
    neg = out < 0
    out[neg] *= alpha
    return out


def elu(z, alpha=1.0):
    out = np.array(z, dtype=np.float64)
    neg = out <= 0
    out[neg] = alpha * (np.exp(out[neg]) - 1.0)
    return out
