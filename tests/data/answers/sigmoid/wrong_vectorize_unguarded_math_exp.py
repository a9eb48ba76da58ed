# expect: error | or use exp(-|z|) in a sigmoid
import math

import numpy as np


def sigmoid(z):
    return np.vectorize(lambda x: 1.0 / (1.0 + math.exp(-x)), otypes=[np.float64])(z)
