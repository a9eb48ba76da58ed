# expect: failed | numpy reported
import numpy as np


def sigmoid(z):
    # e / (1 + e) is inf / inf once exp(z) overflows, even in long double past z = 11356
    e = np.exp(z.astype(np.longdouble))
    return np.asarray(e / (1.0 + e), dtype=np.float64)
