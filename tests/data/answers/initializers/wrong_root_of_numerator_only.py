# expect: failed | the root was taken of the numerator only
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2) / n_in


def xavier_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2) / (n_in + n_out)
