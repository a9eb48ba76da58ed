# expect: failed | rows are the n_out outputs here, columns the n_in inputs: got (n_in, n_out)
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    return rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / (n_in + n_out))
