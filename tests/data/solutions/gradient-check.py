"""A correct solution for the gradient-check drill."""

import numpy as np


def _numerical_gradient(f, x, eps):
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + eps
        f_plus = f(x)
        x[idx] = original - eps
        f_minus = f(x)
        x[idx] = original
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    """Compare grad_f(x) with central differences; returns (ok, rel_diff)."""
    analytic = np.array(grad_f(x), dtype=np.float64)
    numeric = _numerical_gradient(f, x, eps)
    denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    if denom == 0.0:
        rel_diff = 0.0
    else:
        rel_diff = float(np.linalg.norm(numeric - analytic) / denom)
    return bool(rel_diff < threshold), rel_diff
