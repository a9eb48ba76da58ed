# expect: passed | passed all
import numpy as np


def he_init(n_in, n_out, rng):
    W = np.empty((n_out, n_in))
    rng.standard_normal(out=W)
    W *= np.sqrt(2.0 / n_in)
    return W


def xavier_init(n_in, n_out, rng):
    W = np.empty((n_out, n_in))
    rng.standard_normal(out=W)
    W *= np.sqrt(2.0 / (n_in + n_out))
    return W
