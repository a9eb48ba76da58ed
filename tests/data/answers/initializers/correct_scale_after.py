# expect: passed | passed
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    W = np.empty((n_out, n_in))
    W[...] = rng.normal(0.0, 1.0, size=(n_out, n_in))
    W *= np.sqrt(2.0 / (n_in + n_out))
    return W
