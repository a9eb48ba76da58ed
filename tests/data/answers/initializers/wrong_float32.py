# expect: failed | expected float64
import numpy as np


def he_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in), dtype=np.float32) * np.float32(np.sqrt(2.0 / n_in))


def xavier_init(n_in, n_out, rng):
    return rng.standard_normal((n_out, n_in), dtype=np.float32) * np.float32(np.sqrt(2.0 / (n_in + n_out)))
