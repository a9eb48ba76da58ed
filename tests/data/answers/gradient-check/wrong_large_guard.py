# expect: failed | a guard in the denominator is fine only when tiny (1e-8 or less)
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # a "safe" guard of 0.1: 0/0 is avoided, but every rel_diff shrinks by about 1%
    grad = np.asarray(grad_f(x), dtype=np.float64)
    xs = x.copy()
    num = np.zeros_like(xs)
    for i in range(xs.size):
        step = np.zeros(xs.size)
        step[i] = eps
        step = step.reshape(xs.shape)
        num.flat[i] = (f(xs + step) - f(xs - step)) / (2 * eps)
    rel_diff = np.linalg.norm(num - grad) / (np.linalg.norm(num) + np.linalg.norm(grad) + 0.1)
    return rel_diff < threshold, rel_diff
