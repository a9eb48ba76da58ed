# expect: passed | passed all
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.asarray(grad_f(x), dtype=np.float64).ravel()
    flat = x.reshape(-1)
    numeric = np.zeros(flat.size)
    for k in range(flat.size):
        keep = flat[k]
        flat[k] = keep + eps
        a = f(x)
        flat[k] = keep - eps
        b = f(x)
        flat[k] = keep
        numeric[k] = (a - b) / (2 * eps)
    top = np.sqrt(np.sum((numeric - analytic) ** 2))
    bottom = np.sqrt(np.sum(numeric**2)) + np.sqrt(np.sum(analytic**2))
    rel = 0.0 if bottom == 0 else float(top / bottom)
    return rel < threshold, rel
