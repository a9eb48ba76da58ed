# expect: failed | entries were estimated, the rest left 0
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    g = np.zeros(x.shape)
    flat = x.reshape(-1, x.shape[-1]) if x.ndim else x.reshape(1, 1)
    for j in range(flat.shape[-1]):
        old = flat[0, j]
        flat[0, j] = old + eps
        up = f(x)
        flat[0, j] = old - eps
        down = f(x)
        flat[0, j] = old
        g.reshape(-1, flat.shape[-1])[0, j] = (up - down) / (2 * eps)
    return g
