# expect: passed | passed
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=np.float64)
    it = np.nditer(x, flags=["multi_index"])
    while not it.finished:
        i = it.multi_index
        saved = x[i]
        try:
            x[i] = saved + eps
            up = f(x)
            x[i] = saved - eps
            down = f(x)
        finally:
            x[i] = saved  # restored even if f raises
        grad[i] = (up - down) / (2 * eps)
        it.iternext()
    return grad
