# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.empty(x.shape)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        step = np.zeros(x.shape)
        step[idx] = eps
        grad[idx] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad
