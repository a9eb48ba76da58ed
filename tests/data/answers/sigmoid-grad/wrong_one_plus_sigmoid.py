# expect: failed | case 1: a single value: max rel error
import numpy as np


def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return s * (1.0 + s)
