# expect: failed | That matches a variance of 1 / (n_in + n_out)
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.normal(0, np.sqrt(2.0 / n_in), size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    return rng.normal(0, np.sqrt(1.0 / (n_in + n_out)), size=(n_out, n_in))
