# expect: passed | passed
import math

import numpy as np


def he_init(n_in, n_out, rng):
    return rng.normal(0.0, math.sqrt(2 / n_in), n_out * n_in).reshape(n_out, n_in)


def xavier_init(n_in, n_out, rng):
    std = math.sqrt(2 / (n_in + n_out))
    return rng.normal(loc=0, scale=std, size=n_in * n_out).reshape((n_in, n_out)).T.copy()
