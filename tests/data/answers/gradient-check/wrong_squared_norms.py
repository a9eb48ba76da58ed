# expect: failed | the ratio of squared norms
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    ana = np.asarray(grad_f(x), dtype=np.float64)
    num = np.zeros_like(ana)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[idx] = (fp - fm) / (2 * eps)
    # sums of squares instead of norms
    top = np.sum((num - ana) ** 2)
    bottom = np.sum(num**2) + np.sum(ana**2)
    r = float(top / bottom) if bottom > 0 else 0.0
    return r < threshold, r
