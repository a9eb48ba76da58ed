# expect: failed | numpy reported
import numpy as np


def sigmoid_grad(z):
    # long double's exp stays finite up to about 11356, so |z| <= 1e4 raised nothing
    wide = np.asarray(z, dtype=np.longdouble)
    s = 1.0 / (1.0 + np.exp(-wide))
    return (s * (1.0 - s)).astype(np.float64)
