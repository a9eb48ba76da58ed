# expect: passed | passed all
import math

import numpy as np


def sigmoid_grad(z):
    out = np.empty(z.shape, dtype=np.float64)
    for idx, x in np.ndenumerate(z):
        e = math.exp(-abs(x))  # at most 1, never overflows
        out[idx] = e / (1.0 + e) ** 2
    return out
