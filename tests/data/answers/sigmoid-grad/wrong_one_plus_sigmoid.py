# expect: failed | that is s * (1 + s)
import numpy as np


def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return s * (1.0 + s)
