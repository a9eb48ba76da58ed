# expect: failed | forward, f(x + eps) - f(x), or backward
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = grad_f(x)
    numeric = np.zeros(x.shape)
    base = f(x)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        numeric[idx] = (f(x) - base) / eps
        x[idx] = old
    rel_diff = np.linalg.norm(numeric - analytic) / (np.linalg.norm(numeric) + np.linalg.norm(analytic))
    return rel_diff < threshold, rel_diff
