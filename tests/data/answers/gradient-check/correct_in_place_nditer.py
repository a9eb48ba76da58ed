# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.array(grad_f(x), dtype=np.float64)
    numeric = np.zeros_like(analytic)
    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        idx = it.multi_index
        old = x[idx]
        x[idx] = old + eps
        f_plus = f(x)
        x[idx] = old - eps
        f_minus = f(x)
        x[idx] = old  # put it back exactly
        numeric[idx] = (f_plus - f_minus) / (2 * eps)
        it.iternext()
    diff = np.linalg.norm(numeric - analytic)
    scale = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    rel_diff = 0.0 if scale == 0 else diff / scale
    return bool(rel_diff < threshold), float(rel_diff)
