# expect: passed | passed
import math

import numpy as np


def _slope(x):
    e = math.exp(-abs(x))  # symmetric: s(1 - s) is the same at x and -x
    return e / (1.0 + e) ** 2


def sigmoid_grad(z):
    return np.vectorize(_slope, otypes=[np.float64])(z)
