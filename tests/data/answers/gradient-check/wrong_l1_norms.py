# expect: failed | the same ratio with L1 norms
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    num = np.zeros_like(x, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[idx] = (fp - fm) / (2 * eps)
    ana = grad_f(x)
    rel = float(np.abs(num - ana).sum() / (np.abs(num).sum() + np.abs(ana).sum()))
    return bool(rel < threshold), rel
