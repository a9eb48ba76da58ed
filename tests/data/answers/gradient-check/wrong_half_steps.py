# expect: failed | off by about eps**2; rel_diff
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # steps of eps / 2 on each side: a central difference, but not the one asked for
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    numeric = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        e = np.zeros(x.shape)
        e[idx] = eps / 2
        numeric[idx] = (f(x + e) - f(x - e)) / eps
    den = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    rel_diff = float(np.linalg.norm(numeric - analytic) / den) if den else 0.0
    return rel_diff < threshold, rel_diff
