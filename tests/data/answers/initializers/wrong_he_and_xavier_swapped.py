# expect: failed | That matches a variance of 2 / (n_in + n_out) (the Xavier variance)
import numpy as np


def he_init(n_in, n_out, rng):
    """The two formulas put under each other's names."""
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / (n_in + n_out))


def xavier_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)
