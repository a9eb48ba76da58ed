# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    g = np.empty(x.shape, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        i = it.multi_index
        keep = x[i]
        x[i] = keep + eps
        up = f(x)
        x[i] = keep - eps
        down = f(x)
        x[i] = keep
        g[i] = 0.5 * (up - down) / eps
        it.iternext()
    return g
