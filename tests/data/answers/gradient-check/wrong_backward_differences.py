# expect: failed | or backward, f(x) - f(x - eps), over eps) are not
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    """One-sided backward differences (f(x) - f(x - eps)) / eps."""
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    f0 = f(x)
    num = np.zeros_like(analytic)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old - eps
        num[idx] = (f0 - f(x)) / eps
        x[idx] = old
    denom = np.linalg.norm(num) + np.linalg.norm(analytic)
    rel = 0.0 if denom == 0 else float(np.linalg.norm(num - analytic) / denom)
    return rel < threshold, rel
