# expect: failed | this matches forward differences
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    base = f(x)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        grad[idx] = (f(x) - base) / eps
        x[idx] = old
    return grad
