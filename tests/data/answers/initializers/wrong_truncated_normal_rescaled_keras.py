# expect: failed | a truncated normal rescaled to the target variance
import numpy as np


def _truncated(rng, std, shape):
    # Keras's he_normal: a normal cut at two standard deviations, redrawn outside
    out = rng.normal(0.0, std, size=shape)
    bad = np.abs(out) > 2 * std
    while bad.any():
        out[bad] = rng.normal(0.0, std, size=int(bad.sum()))
        bad = np.abs(out) > 2 * std
    return out


def he_init(n_in, n_out, rng):
    return _truncated(rng, np.sqrt(2.0 / n_in) / 0.87962566103423978, (n_out, n_in))


def xavier_init(n_in, n_out, rng):
    return _truncated(rng, np.sqrt(2.0 / (n_in + n_out)) / 0.87962566103423978, (n_out, n_in))
