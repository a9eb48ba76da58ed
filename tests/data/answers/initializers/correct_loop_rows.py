# expect: passed | passed all
import numpy as np


def he_init(n_in, n_out, rng):
    W = np.empty((n_out, n_in))
    s = (2.0 / n_in) ** 0.5
    for i in range(n_out):
        W[i] = rng.standard_normal(n_in) * s
    return W


def xavier_init(n_in, n_out, rng):
    W = np.empty((n_out, n_in))
    s = (2.0 / (n_in + n_out)) ** 0.5
    for i in range(n_out):
        W[i] = rng.standard_normal(n_in) * s
    return W
