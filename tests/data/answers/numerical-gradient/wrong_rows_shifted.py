# expect: failed | each row of x was shifted whole: on a matrix, x[i] is the row i
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # written for a vector: x[i] is a whole row once x is a matrix
    grad = np.zeros_like(x)
    for i in range(x.shape[0]):
        old = x[i].copy()
        x[i] = old + eps
        plus = f(x)
        x[i] = old - eps
        minus = f(x)
        x[i] = old
        grad[i] = (plus - minus) / (2 * eps)
    return grad
