# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.size)
    base = x.astype(np.float64).ravel()
    for k in range(base.size):
        plus = base.copy()
        minus = base.copy()
        plus[k] += eps
        minus[k] -= eps
        grad[k] = (f(plus.reshape(x.shape)) - f(minus.reshape(x.shape))) / (2 * eps)
    return grad.reshape(x.shape)
