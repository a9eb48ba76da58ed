# expect: passed | passed
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    basis = np.eye(x.size).reshape(x.size, *x.shape)
    x0 = np.array(x, dtype=np.float64, copy=True)
    est = [(f(x0 + eps * e) - f(x0 - eps * e)) / (2.0 * eps) for e in basis]
    return np.array(est, dtype=np.float64).reshape(x.shape)
