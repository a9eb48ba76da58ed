# expect: failed | grad has dtype int64
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    g = np.zeros(x.shape, dtype=int)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        up = f(x)
        x[i] = old - eps
        down = f(x)
        x[i] = old
        g[i] = (up - down) / (2 * eps)
    return g
