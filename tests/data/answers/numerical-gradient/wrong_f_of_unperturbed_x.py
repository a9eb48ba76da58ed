# expect: failed | grad is all zeros, as if f never saw the perturbation
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        xp = x.copy()
        xm = x.copy()
        xp[i] += eps
        xm[i] -= eps
        grad[i] = (f(x) - f(x)) / (2 * eps)  # the copies were made but x itself evaluated
    return grad
