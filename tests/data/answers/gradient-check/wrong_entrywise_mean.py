# expect: failed | yours is the mean over the entries of |num - grad|
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    """Entry-wise relative errors averaged, instead of the norms the card asks for."""
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    num = np.zeros_like(analytic)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        fp = f(x)
        x[idx] = old - eps
        fm = f(x)
        x[idx] = old
        num[idx] = (fp - fm) / (2 * eps)
    s = np.abs(num) + np.abs(analytic)
    rel = np.where(s > 0, np.abs(num - analytic) / np.where(s > 0, s, 1.0), 0.0)
    r = float(rel.mean())
    return r < threshold, r
