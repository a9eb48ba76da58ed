# expect: failed | generators built from different seeds gave the same weights
import numpy as np


def he_init(n_in, n_out, rng):
    # "reproducible": a fixed-seed generator of its own instead of the one passed in
    own = np.random.default_rng(42)
    return own.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    own = np.random.default_rng(42)
    return own.standard_normal((n_out, n_in)) * np.sqrt(2.0 / (n_in + n_out))
