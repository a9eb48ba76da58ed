# expect: passed | passed
import math

import numpy as np


def _scalar(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def sigmoid(z):
    return np.vectorize(_scalar, otypes=[np.float64])(z)
