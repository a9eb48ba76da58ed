# expect: passed | passed
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.empty(x.shape)
    base = x.copy()
    for k, idx in enumerate(np.ndindex(x.shape)):
        step = np.zeros(x.shape)
        step[idx] = eps
        grad[idx] = (f(base + step) - f(base - step)) / (2.0 * eps)
    return grad
