# expect: failed | That matches a variance of 1 / (n_in + n_out)
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    # Glorot's variance written without its 2
    return rng.standard_normal((n_out, n_in)) * np.sqrt(1.0 / (n_in + n_out))
