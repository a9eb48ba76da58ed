# expect: failed | is NaN
import numpy as np


def sigmoid_grad(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2
