# expect: passed | passed
import math

import numpy as np


def sigmoid(z):
    out = np.empty(z.shape, dtype=np.float64)
    for idx, val in np.ndenumerate(z):
        if val >= 0:
            out[idx] = 1.0 / (1.0 + math.exp(-val))
        else:
            e = math.exp(val)
            out[idx] = e / (1.0 + e)
    return out
