# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # the common course style: perturb x in place with np.ndindex, restore it, and guard the
    # denominator with + 1e-8 instead of testing it for zero
    grad = np.asarray(grad_f(x), dtype=np.float64)
    num = np.empty_like(grad)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        plus = f(x)
        x[idx] = old - eps
        minus = f(x)
        x[idx] = old
        num[idx] = (plus - minus) / (2.0 * eps)
    numerator = np.linalg.norm(num - grad)
    denominator = np.linalg.norm(num) + np.linalg.norm(grad) + 1e-8
    rel_diff = numerator / denominator
    return bool(rel_diff < threshold), float(rel_diff)
