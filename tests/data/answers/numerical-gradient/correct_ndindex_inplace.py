# expect: passed | passed
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.empty(x.shape, dtype=np.float64)
    for idx in np.ndindex(*x.shape):
        saved = x[idx]
        x[idx] = saved + eps
        up = f(x)
        x[idx] = saved - eps
        down = f(x)
        x[idx] = saved
        grad[idx] = (up - down) / (2.0 * eps)
    return grad
