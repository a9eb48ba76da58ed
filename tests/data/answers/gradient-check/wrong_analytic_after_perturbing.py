# expect: failed | x was left perturbed after the call
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    numeric = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        x[i] += eps
        up = f(x)
        x[i] -= 2 * eps
        down = f(x)
        numeric[i] = (up - down) / (2 * eps)
    analytic = np.array(grad_f(x), dtype=np.float64)  # x was never put back
    den = np.linalg.norm(numeric) + np.linalg.norm(analytic)
    rel = 0.0 if den == 0 else float(np.linalg.norm(numeric - analytic) / den)
    return bool(rel < threshold), rel
