# expect: passed | passed all
import math

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    for idx, value in np.ndenumerate(z):
        if value >= 0:
            out[idx] = 1.0 / (1.0 + math.exp(-value))
        else:
            e = math.exp(value)
            out[idx] = e / (1.0 + e)
    return out
