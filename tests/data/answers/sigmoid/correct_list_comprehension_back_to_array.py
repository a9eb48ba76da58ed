# expect: passed | passed all
import math

import numpy as np


def _one(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    return np.array([_one(v) for v in z.ravel().tolist()], dtype=np.float64).reshape(z.shape)
