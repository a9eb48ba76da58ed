# expect: failed | numpy reported
import numpy as np


def softmax(z):
    # long double's exp stays finite up to about 11356, so logits of +-1e3 raised nothing
    e = np.exp(np.asarray(z, dtype=np.longdouble))
    return (e / e.sum(axis=0, keepdims=True)).astype(np.float64)
