# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # a flat index unravelled into x's shape; the entry restored from its saved value
    grad = np.empty(x.shape)
    for k in range(x.size):
        idx = np.unravel_index(k, x.shape)
        saved = x[idx].copy()
        x[idx] = saved + eps
        up = f(x)
        x[idx] = saved - eps
        down = f(x)
        x[idx] = saved
        grad[idx] = (up - down) / (2 * eps)
    return grad
