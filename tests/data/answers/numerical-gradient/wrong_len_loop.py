# expect: failed | len(x) counts the rows of a matrix
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x, dtype=np.float64)
    for i in range(len(x)):
        old = x.flat[i]
        x.flat[i] = old + eps
        fp = f(x)
        x.flat[i] = old - eps
        fm = f(x)
        x.flat[i] = old
        grad.flat[i] = (fp - fm) / (2 * eps)
    return grad
