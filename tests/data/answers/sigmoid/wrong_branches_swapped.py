# expect: failed | overflow
import numpy as np


def sigmoid(z):
    # the stable trick with the two branches the wrong way round
    out = np.empty_like(z)
    pos = z >= 0
    e = np.exp(z[pos])
    out[pos] = e / (1.0 + e)
    out[~pos] = 1.0 / (1.0 + np.exp(-z[~pos]))
    return out
