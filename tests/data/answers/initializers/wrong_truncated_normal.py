# expect: failed | the tails are cut, as in a truncated normal
import numpy as np


def _truncated(rng, shape):
    # a normal cut at 2 standard deviations (as in tf.truncated_normal), not rescaled
    z = rng.standard_normal(shape)
    bad = np.abs(z) > 2
    while bad.any():
        z[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(z) > 2
    return z


def he_init(n_in, n_out, rng):
    return _truncated(rng, (n_out, n_in)) * np.sqrt(2 / n_in)


def xavier_init(n_in, n_out, rng):
    return _truncated(rng, (n_out, n_in)) * np.sqrt(2 / (n_in + n_out))
