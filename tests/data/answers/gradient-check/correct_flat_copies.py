# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.asarray(grad_f(x), dtype=float).ravel()
    numeric = np.empty(x.size)
    for i in range(x.size):
        e = np.zeros(x.size)
        e[i] = eps
        e = e.reshape(x.shape)
        numeric[i] = (f(x + e) - f(x - e)) / (2 * eps)
    num = np.sqrt(np.sum((numeric - analytic) ** 2))
    den = np.sqrt(np.sum(numeric**2)) + np.sqrt(np.sum(analytic**2))
    rel_diff = 0.0 if den == 0 else float(num / den)
    return bool(rel_diff <= threshold), rel_diff
