# expect: passed | passed
import numpy as np


def sigmoid(z):
    """The stable split, computed in place on a float copy of z."""
    out = np.array(z, dtype=np.float64, copy=True)
    e = np.exp(-np.abs(out))
    pos = out >= 0
    out[pos] = 1.0 / (1.0 + e[pos])
    out[~pos] = e[~pos] / (1.0 + e[~pos])
    return out
