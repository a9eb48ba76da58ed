# expect: passed | passed all
import math


def he_init(n_in, n_out, rng):
    # rng.normal with the standard deviation as its scale
    return rng.normal(0.0, math.sqrt(2.0 / n_in), size=(n_out, n_in))


def xavier_init(n_in, n_out, rng):
    return rng.normal(loc=0.0, scale=math.sqrt(2.0 / (n_in + n_out)), size=(n_out, n_in))
