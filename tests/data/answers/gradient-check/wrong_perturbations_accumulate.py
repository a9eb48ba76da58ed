# expect: failed | the shifts accumulate
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    # the two shifted copies are made once, before the loop, and never reset: by entry i
    # every earlier entry is still shifted
    analytic = grad_f(x)
    plus = x.astype(np.float64)
    minus = x.astype(np.float64)
    numeric = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        plus[i] += eps
        minus[i] -= eps
        numeric[i] = (f(plus) - f(minus)) / (2 * eps)
    rel_diff = np.linalg.norm(numeric - analytic) / (
        np.linalg.norm(numeric) + np.linalg.norm(analytic)
    )
    return rel_diff < threshold, float(rel_diff)
