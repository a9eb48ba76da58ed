# expect: passed | passed all
import numpy as np


def _numerical_gradient(f, x, eps):
    grad = np.zeros(x.shape)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = f(x)
        x[idx] = old - eps
        f_minus = f(x)
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2 * eps)
    return grad


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = grad_f(x)
    numeric = _numerical_gradient(f, x, eps)
    denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    if denom == 0:
        return True, 0.0
    rel_diff = np.linalg.norm(numeric - analytic) / denom
    return rel_diff < threshold, rel_diff
