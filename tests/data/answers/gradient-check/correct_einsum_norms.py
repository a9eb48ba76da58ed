# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.array(grad_f(x), dtype=np.float64)
    numeric = np.zeros_like(analytic)
    for i in np.ndindex(x.shape):
        probe = x.copy()
        probe[i] = x[i] + eps
        up = f(probe)
        probe[i] = x[i] - eps
        numeric[i] = (up - f(probe)) / (2 * eps)
    d = numeric - analytic
    num = np.sqrt(np.einsum("i,i->", d.ravel(), d.ravel()))
    n2 = np.einsum("i,i->", numeric.ravel(), numeric.ravel())
    a2 = np.einsum("i,i->", analytic.ravel(), analytic.ravel())
    den = np.sqrt(n2) + np.sqrt(a2)
    if den == 0:
        return True, 0.0
    rel = float(num / den)
    return bool(rel < threshold), rel
