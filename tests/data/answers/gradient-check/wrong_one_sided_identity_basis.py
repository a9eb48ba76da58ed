# expect: failed | central differences (f(x + eps) - f(x - eps)
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    base = f(x)
    basis = np.eye(x.size).reshape((x.size, *x.shape))
    # one f call per entry instead of two: a forward difference, accurate to O(eps) only
    numeric = np.array([(f(x + eps * e) - base) / eps for e in basis]).reshape(x.shape)
    denom = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    rel_diff = 0.0 if denom == 0 else float(np.linalg.norm(numeric - analytic) / denom)
    return rel_diff < threshold, rel_diff
