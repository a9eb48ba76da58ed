# expect: failed | were made once, before the loop, and never put back
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=np.float64)
    xp = x.copy()
    xm = x.copy()
    for idx in np.ndindex(x.shape):
        xp[idx] += eps
        xm[idx] -= eps
        grad[idx] = (f(xp) - f(xm)) / (2 * eps)
    return grad
