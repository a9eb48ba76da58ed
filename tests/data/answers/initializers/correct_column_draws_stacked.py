# expect: passed | passed all
import numpy as np


def _columns(n_in, n_out, std, rng):
    # one column (the weights into every unit from one input) at a time
    cols = [rng.normal(0.0, std, size=n_out) for _ in range(n_in)]
    return np.column_stack(cols).astype(np.float64)


def he_init(n_in, n_out, rng):
    return _columns(n_in, n_out, (2.0 / n_in) ** 0.5, rng)


def xavier_init(n_in, n_out, rng):
    return _columns(n_in, n_out, (2.0 / (n_in + n_out)) ** 0.5, rng)
