# expect: passed | passed
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty(z.shape)
    negative = z < 0
    e = np.exp(z[negative])
    out[negative] = e / (1.0 + e)
    out[~negative] = 1.0 / (1.0 + np.exp(-z[~negative]))
    return out
