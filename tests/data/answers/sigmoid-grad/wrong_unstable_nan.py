# expect: failed | numpy reported overflow
import numpy as np


def sigmoid_grad(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2
