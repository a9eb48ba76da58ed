# expect: passed | passed all
import numpy as np


def sigmoid_grad(z):
    e = np.exp(-np.abs(np.asarray(z, dtype=np.float64)))  # sigma' is even: use -|z|
    out = np.empty_like(e)
    np.divide(e, np.square(1.0 + e), out=out)
    return out
