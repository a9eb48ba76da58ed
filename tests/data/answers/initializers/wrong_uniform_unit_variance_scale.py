# expect: failed | A third of the target is what a uniform draw on [-1, 1] gives
import numpy as np


def he_init(n_in, n_out, rng):
    # uniform on [-1, 1) has variance 1/3, not 1
    return rng.uniform(-1.0, 1.0, (n_out, n_in)) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    return rng.uniform(-1.0, 1.0, (n_out, n_in)) * np.sqrt(2.0 / (n_in + n_out))
