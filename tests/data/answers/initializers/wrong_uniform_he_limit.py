# expect: failed | Draw from a normal distribution, not a uniform one
import numpy as np


def he_init(n_in, n_out, rng):
    limit = np.sqrt(6.0 / n_in)
    return rng.uniform(-limit, limit, size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    return rng.normal(0, np.sqrt(2.0 / (n_in + n_out)), size=(n_out, n_in))
