# expect: passed | passed all
import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    out = np.empty_like(z)
    np.divide(1.0, 1.0 + e, out=out, where=z >= 0)
    np.divide(e, 1.0 + e, out=out, where=z < 0)
    return out
