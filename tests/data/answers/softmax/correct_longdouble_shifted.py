# expect: passed | passed all
import numpy as np


def softmax(z):
    # a wider type is fine once the max is subtracted: no exponent is above 0
    wide = np.asarray(z, dtype=np.longdouble)
    e = np.exp(wide - wide.max(axis=0, keepdims=True))
    return (e / e.sum(axis=0, keepdims=True)).astype(np.float64)
