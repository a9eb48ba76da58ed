# expect: passed | passed
import numpy as np


def he_init(n_in, n_out, rng):
    # drawn (n_in, n_out) and transposed: still i.i.d. normal entries of the right shape
    return (rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out))).T.copy()


def xavier_init(n_in, n_out, rng):
    return rng.normal(0.0, np.sqrt(2.0 / (n_in + n_out)), size=n_in * n_out).reshape(n_out, n_in)
