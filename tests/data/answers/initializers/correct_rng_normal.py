# expect: passed | passed all
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.normal(loc=0.0, scale=np.sqrt(2 / n_in), size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    std = (2 / (n_in + n_out)) ** 0.5
    return rng.normal(0.0, std, (n_out, n_in))
