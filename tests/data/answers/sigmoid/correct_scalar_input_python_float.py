# expect: passed | passed
import math

import numpy as np


def _one(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def sigmoid(z):
    if np.ndim(z) == 0:
        return _one(float(z))  # a scalar in, a Python float out
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
