# expect: failed | this matches backward differences
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    fx = f(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old - eps
        grad[idx] = (fx - f(x)) / eps  # backward differences: error O(eps), not O(eps**2)
        x[idx] = old
    return grad
