# expect: failed | the same seed gave different weights
import numpy as np


def he_init(n_in, n_out, rng):
    return np.random.randn(n_out, n_in) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    return np.random.randn(n_out, n_in) * np.sqrt(2.0 / (n_in + n_out))
