# expect: passed | passed all
import math

import numpy as np


def he_init(n_in, n_out, rng):
    return rng.normal(loc=0.0, scale=math.sqrt(2 / n_in), size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    return rng.normal(0.0, math.sqrt(1.0 / ((n_in + n_out) / 2.0)), (n_out, n_in))
