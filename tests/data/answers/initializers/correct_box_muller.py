# expect: passed | passed
import numpy as np


def _normal(shape, rng):
    n = int(np.prod(shape))
    u1 = 1.0 - rng.random(n)  # in (0, 1]
    u2 = rng.random(n)
    return (np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)).reshape(shape)


def he_init(n_in, n_out, rng):
    return _normal((n_out, n_in), rng) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    return _normal((n_out, n_in), rng) * np.sqrt(2.0 / (n_in + n_out))
