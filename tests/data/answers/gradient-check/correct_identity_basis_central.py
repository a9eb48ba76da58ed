# expect: passed | passed
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # central differences along each unit direction of an identity basis, x itself untouched
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    basis = np.eye(x.size).reshape((x.size,) + x.shape)
    numeric = np.array([(f(x + eps * e) - f(x - eps * e)) / (2 * eps) for e in basis])
    numeric = numeric.reshape(x.shape)
    gap = (numeric - analytic).ravel()
    num, ana = numeric.ravel(), analytic.ravel()
    diff = np.sqrt(np.einsum("i,i->", gap, gap))
    scale = np.sqrt(np.einsum("i,i->", num, num)) + np.sqrt(np.einsum("i,i->", ana, ana))
    rel_diff = float(diff / scale) if scale > 0 else 0.0
    return rel_diff < threshold, rel_diff
