# expect: failed | was the eps argument ignored
import numpy as np

STEP = 1e-5  # a fixed step: the eps argument is never used


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    numeric = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += STEP
        minus[idx] -= STEP
        numeric[idx] = (f(plus) - f(minus)) / (2 * STEP)
    den = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    rel_diff = float(np.linalg.norm(numeric - analytic) / den) if den else 0.0
    return rel_diff < threshold, rel_diff
