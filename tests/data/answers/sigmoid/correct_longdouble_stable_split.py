# expect: passed | passed all
import numpy as np


def sigmoid(z):
    # a wider type is fine when the form is stable: only -|z| is exponentiated
    wide = np.asarray(z, dtype=np.longdouble)
    e = np.exp(-np.abs(wide))
    return np.where(wide >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(np.float64)
