# expect: failed | x_plus = x names the same array as x, not a copy
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        x_plus = x  # meant as a copy
        x_plus[idx] += eps
        fp = f(x_plus)
        x_minus = x
        x_minus[idx] -= eps
        fm = f(x_minus)
        grad[idx] = (fp - fm) / (2 * eps)
    return grad
