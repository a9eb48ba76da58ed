# expect: passed | passed all
import numpy as np


def he_init(n_in, n_out, rng):
    # a standard normal draw divided by sqrt(fan / 2), the same as times sqrt(2 / fan)
    return rng.standard_normal(size=(n_out, n_in)) / np.sqrt(n_in / 2.0)


def xavier_init(n_in, n_out, rng):
    return rng.standard_normal(size=(n_out, n_in)) / np.sqrt((n_in + n_out) / 2.0)
