# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    values = []
    for idx in np.ndindex(*x.shape):
        plus = x.copy()
        minus = x.copy()
        plus[idx] += eps
        minus[idx] -= eps
        values.append((f(plus) - f(minus)) / (2 * eps))
    return np.array(values, dtype=np.float64).reshape(x.shape)
