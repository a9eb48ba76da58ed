# expect: failed | but flat; return it in x's shape
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.size)
    flat = x.reshape(-1)
    for i in range(x.size):
        old = flat[i]
        flat[i] = old + eps
        fp = f(x)
        flat[i] = old - eps
        fm = f(x)
        flat[i] = old
        grad[i] = (fp - fm) / (2 * eps)
    return grad
