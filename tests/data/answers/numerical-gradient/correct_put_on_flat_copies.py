# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.empty(x.size)
    for i in range(x.size):
        plus = x.astype(np.float64, copy=True)
        minus = x.astype(np.float64, copy=True)
        np.put(plus, i, plus.flat[i] + eps)
        np.put(minus, i, minus.flat[i] - eps)
        grad[i] = (f(plus) - f(minus)) / (2 * eps)
    return grad.reshape(x.shape)
