# expect: failed | the uniform variant's limit
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    # the uniform variant's limit sqrt(6 / (n_in + n_out)) used as a normal's standard deviation
    return rng.standard_normal((n_out, n_in)) * np.sqrt(6.0 / (n_in + n_out))
