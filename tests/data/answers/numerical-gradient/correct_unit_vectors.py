# expect: passed | passed
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    base = x.astype(np.float64, copy=True)
    grad = np.zeros(x.size)
    for i in range(x.size):
        e = np.zeros(x.size)
        e[i] = eps
        e = e.reshape(x.shape)
        grad[i] = (f(base + e) - f(base - e)) / (2 * eps)
    return grad.reshape(x.shape)
