# expect: passed | passed
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    g = grad_f(x)
    num = np.zeros_like(g, dtype=np.float64)
    for idx in np.ndindex(*x.shape):
        e = np.zeros(x.shape)
        e[idx] = eps
        num[idx] = (f(x + e) - f(x - e)) / (2 * eps)
    diff = np.linalg.norm((num - g).ravel())
    total = np.linalg.norm(num.ravel()) + np.linalg.norm(g.ravel())
    rel_diff = diff / total if total > 0 else 0.0
    return rel_diff < threshold, float(rel_diff)
