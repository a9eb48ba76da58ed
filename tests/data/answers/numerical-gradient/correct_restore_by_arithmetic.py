# expect: passed | passed
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        x[idx] += eps
        up = f(x)
        x[idx] -= 2 * eps
        down = f(x)
        x[idx] += eps  # floating point: not always the original value
        grad[idx] = (up - down) / (2 * eps)
    return grad
