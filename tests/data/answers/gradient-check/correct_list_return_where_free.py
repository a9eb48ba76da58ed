# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    num = np.zeros(x.shape)
    for idx in np.ndindex(*x.shape):
        e = np.zeros(x.shape)
        e[idx] = eps
        num[idx] = (f(x + e) - f(x - e)) / (2 * eps)
    ana = np.asarray(grad_f(x), dtype=np.float64)
    denom = np.sqrt(np.sum(num**2)) + np.sqrt(np.sum(ana**2))
    rel = 0.0 if denom == 0 else float(np.sqrt(np.sum((num - ana) ** 2)) / denom)
    return [rel < threshold, rel]
