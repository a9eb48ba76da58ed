# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    flat_x = x.reshape(-1)  # a view when x is contiguous: writes go to x
    flat_g = grad.reshape(-1)
    for i in range(flat_x.size):
        old = flat_x[i]
        flat_x[i] = old + eps
        up = f(x)
        flat_x[i] = old - eps
        down = f(x)
        flat_x[i] = old
        flat_g[i] = (up - down) / (2 * eps)
    return grad
