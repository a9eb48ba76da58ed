# expect: passed | passed all
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # np.nditer with readwrite: each entry perturbed through the iterator's view
    grad = np.zeros(x.shape)
    it = np.nditer(x, flags=["multi_index"], op_flags=[["readwrite"]])
    while not it.finished:
        old = float(it[0])
        it[0] = old + eps
        f_plus = f(x)
        it[0] = old - eps
        f_minus = f(x)
        it[0] = old
        grad[it.multi_index] = (f_plus - f_minus) / (2 * eps)
        it.iternext()
    return grad
