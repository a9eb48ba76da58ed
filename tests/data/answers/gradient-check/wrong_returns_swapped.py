# expect: failed | ok and rel_diff look swapped
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
    denom = np.linalg.norm(num) + np.linalg.norm(g)
    rel_diff = np.linalg.norm(num - g) / denom if denom else 0.0
    return rel_diff, rel_diff < threshold  # (rel_diff, ok): the drill returns (ok, rel_diff)
