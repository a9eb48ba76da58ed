# expect: failed | yours is the worst entry's |num - grad| / (|num| + |grad|)
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
    # the max-entry relative error instead of the norm ratio
    r = float(np.max(np.abs(num - ana) / np.maximum(np.abs(num) + np.abs(ana), 1e-300)))
    return r < threshold, r
