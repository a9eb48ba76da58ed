# expect: passed | passed all
import numpy as np


def sgd_step(params, d_p, lr):
    out = np.empty_like(params, dtype=np.float64)
    out[...] = params
    out -= lr * d_p
    return out
