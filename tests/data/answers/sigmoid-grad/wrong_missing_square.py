# expect: failed | sigmoid_grad
import numpy as np


def sigmoid_grad(z):
    a = np.exp(-np.abs(z))
    return a / (1.0 + a)
