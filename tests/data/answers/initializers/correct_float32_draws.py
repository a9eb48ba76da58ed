# expect: passed | passed
import numpy as np


def he_init(n_in, n_out, rng):
    z = rng.standard_normal((n_out, n_in), dtype=np.float32).astype(np.float64)
    return z * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    z = rng.standard_normal((n_out, n_in), dtype=np.float32).astype(np.float64)
    return z * np.sqrt(2.0 / (n_in + n_out))
