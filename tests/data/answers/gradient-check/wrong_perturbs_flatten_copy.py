# expect: failed | 1 is what a numerical gradient of all zeros gives
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # x.flatten() is a copy, not a view: shifting its entries never reaches the x that f reads
    analytic = grad_f(x)
    flat = x.flatten()
    numeric = np.zeros(x.size)
    for i in range(x.size):
        old = flat[i]
        flat[i] = old + eps
        fp = f(x)
        flat[i] = old - eps
        fm = f(x)
        flat[i] = old
        numeric[i] = (fp - fm) / (2 * eps)
    numeric = numeric.reshape(x.shape)
    rel_diff = np.linalg.norm(numeric - analytic) / (
        np.linalg.norm(numeric) + np.linalg.norm(analytic)
    )
    return rel_diff < threshold, float(rel_diff)
