# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # x is never touched: each side is a fresh array built from x
    flat = x.ravel()
    grad = np.empty(flat.size)
    for i in range(flat.size):
        step = np.zeros(flat.size)
        step[i] = eps
        up = (flat + step).reshape(x.shape)
        down = (flat - step).reshape(x.shape)
        grad[i] = (f(up) - f(down)) / (2 * eps)
    return grad.reshape(x.shape)
