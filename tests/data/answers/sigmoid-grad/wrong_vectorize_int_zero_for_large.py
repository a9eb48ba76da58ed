# expect: failed | np.vectorize without otypes= makes one too
import math

import numpy as np


def _slope(x):
    if abs(x) > 30:
        return 0  # "it is basically zero out there"
    s = 1.0 / (1.0 + math.exp(-x))
    return s * (1.0 - s)


def sigmoid_grad(z):
    return np.vectorize(_slope)(z)
