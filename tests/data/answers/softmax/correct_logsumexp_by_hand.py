# expect: passed | passed all
import numpy as np


def softmax(z):
    z = np.asarray(z, dtype=np.float64)
    top = z.max(axis=0)
    lse = top + np.log(np.exp(z - top).sum(axis=0))
    return np.exp(z - lse)
