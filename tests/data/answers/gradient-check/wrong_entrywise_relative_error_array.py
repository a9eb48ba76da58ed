# expect: failed | rel_diff should be a single number, got an array of shape
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    """Entry-wise relative errors, never reduced to one number (no max, no norm)."""
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    num = np.zeros_like(analytic)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[idx] = (fp - fm) / (2 * eps)
    rel = np.abs(num - analytic) / np.maximum(np.abs(num) + np.abs(analytic), 1e-300)
    return bool(np.all(rel < threshold)), rel
