# expect: failed | this is a numerical derivative, (sigmoid(z + h) - sigmoid(z - h)) / (2h)
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_grad(z):
    h = 1e-5
    return (_sigmoid(z + h) - _sigmoid(z - h)) / (2 * h)
