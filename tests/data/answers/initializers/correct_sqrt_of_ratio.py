# expect: passed | passed
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) / np.sqrt(n_in / 2.0)


def xavier_init(n_in, n_out, rng):
    return np.sqrt(2.0) * rng.standard_normal((n_out, n_in)) / np.sqrt(n_in + n_out)
