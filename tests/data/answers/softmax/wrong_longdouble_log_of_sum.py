# expect: failed | numpy reported
import numpy as np


def softmax(z):
    # log-sum-exp without its max, kept finite by long double up to about 11356 only
    wide = np.asarray(z, dtype=np.longdouble)
    lse = np.log(np.exp(wide).sum(axis=0, keepdims=True))
    return np.exp(wide - lse).astype(np.float64)
