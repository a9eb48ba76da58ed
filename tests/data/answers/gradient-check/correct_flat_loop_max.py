# expect: passed | passed
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    work = x.astype(np.float64).copy()
    flat = work.reshape(-1)
    numeric = np.empty(flat.size)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + eps
        up = f(work)
        flat[i] = keep - eps
        down = f(work)
        flat[i] = keep
        numeric[i] = (up - down) / (2 * eps)
    numeric = numeric.reshape(x.shape)
    num = np.sqrt(np.sum((numeric - analytic) ** 2))
    den = np.sqrt(np.sum(numeric**2)) + np.sqrt(np.sum(analytic**2))
    rel_diff = 0.0 if den == 0 else float(num / den)
    return bool(rel_diff < threshold), rel_diff
