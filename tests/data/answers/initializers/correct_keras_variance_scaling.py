# expect: passed | passed
import numpy as np


def _variance_scaling(n_in, n_out, rng, scale, mode):
    # the shape of Keras's VarianceScaling with an untruncated normal
    fan = {"fan_in": n_in, "fan_out": n_out, "fan_avg": (n_in + n_out) / 2.0}[mode]
    return rng.normal(0.0, np.sqrt(scale / fan), size=(n_out, n_in))


def he_init(n_in, n_out, rng):
    return _variance_scaling(n_in, n_out, rng, 2.0, "fan_in")


def xavier_init(n_in, n_out, rng):
    return _variance_scaling(n_in, n_out, rng, 1.0, "fan_avg")
