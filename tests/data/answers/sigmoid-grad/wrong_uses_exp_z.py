# expect: failed | overflow
import numpy as np


def sigmoid_grad(z):
    e = np.exp(-z)
    return e / (1.0 + e) ** 2
