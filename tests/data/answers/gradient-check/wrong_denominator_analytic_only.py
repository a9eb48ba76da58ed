# expect: failed | ||num - grad|| / ||grad||
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    g = grad_f(x)
    num = np.zeros(x.shape)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        up = f(x)
        x[idx] = old - eps
        down = f(x)
        x[idx] = old
        num[idx] = (up - down) / (2 * eps)
    rel_diff = np.linalg.norm(num - g) / (np.linalg.norm(g) + 1e-12)  # only the analytic norm
    return rel_diff < threshold, rel_diff
