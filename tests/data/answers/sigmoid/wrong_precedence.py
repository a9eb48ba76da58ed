# expect: failed | 1 / 1 + np.exp(-z) is 1 + exp(-z)
import numpy as np


def sigmoid(z):
    return 1 / 1 + np.exp(-z)
