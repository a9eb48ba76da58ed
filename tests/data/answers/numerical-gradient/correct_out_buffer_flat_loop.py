# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.empty(x.shape)
    work = x.astype(np.float64, copy=True)  # perturb a copy, never x
    flat_w, flat_g = work.reshape(-1), grad.reshape(-1)
    for k in range(flat_w.size):
        saved = flat_w[k]
        flat_w[k] = saved + eps
        up = f(work)
        flat_w[k] = saved - eps
        down = f(work)
        flat_w[k] = saved
        flat_g[k] = (up - down) / (2 * eps)
    return grad
