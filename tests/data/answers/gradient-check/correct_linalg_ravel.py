# expect: passed | passed
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    ana = np.ravel(grad_f(x)).astype(np.float64)
    num = np.empty_like(ana)
    flat = x.reshape(-1)  # a view when x is contiguous; fall back to index tuples otherwise
    for k, idx in enumerate(np.ndindex(x.shape)):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[k] = (fp - fm) / (2 * eps)
    del flat
    top = np.linalg.norm(num - ana)
    bottom = np.linalg.norm(num) + np.linalg.norm(ana)
    r = top / bottom if bottom > 0 else 0.0
    return r < threshold, float(r)
