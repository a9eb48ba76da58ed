# expect: failed | rel_diff = ||num - grad|| / (||num|| + ||grad||) should be
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = np.array(grad_f(x), dtype=np.float64)
    numeric = np.zeros_like(analytic)
    for i in np.ndindex(x.shape):
        keep = x[i]
        x[i] = keep + eps
        up = f(x)
        x[i] = keep - eps
        down = f(x)
        x[i] = keep
        numeric[i] = (up - down) / (2 * eps)
    rel = float(np.mean(np.abs(numeric - analytic)))
    return bool(rel < threshold), rel
