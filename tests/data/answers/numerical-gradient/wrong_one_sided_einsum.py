# expect: failed | this matches forward differences (f(x + eps) - f(x)) / eps
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    """Forward differences built from the identity basis: (f(x + eps*e) - f(x)) / eps."""
    base = f(x)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        e = np.zeros(x.shape)
        e[idx] = eps
        grad[idx] = (f(x + e) - base) / eps
    return grad
