# expect: passed | passed
import numpy as np


def _gaussian(rng, shape, variance):
    return rng.normal(0.0, np.sqrt(variance), size=shape)


def he_init(n_in, n_out, rng):
    """Variance 2 / fan_in, fan_in being the number of inputs."""
    return _gaussian(rng, (n_out, n_in), 2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    """Variance 1 / mean fan = 2 / (fan_in + fan_out)."""
    return _gaussian(rng, (n_out, n_in), 1.0 / ((n_in + n_out) / 2.0))
