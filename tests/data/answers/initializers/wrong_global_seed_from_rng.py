# expect: failed | the code re-seeded np.random.*
import numpy as np


def _seeded(rng):
    """Reproducible, the old way: seed np.random from the generator, then use np.random."""
    np.random.seed(int(rng.integers(0, 2**31)))


def he_init(n_in, n_out, rng):
    _seeded(rng)
    return np.random.randn(n_out, n_in) * np.sqrt(2.0 / n_in)


def xavier_init(n_in, n_out, rng):
    _seeded(rng)
    return np.random.randn(n_out, n_in) * np.sqrt(2.0 / (n_in + n_out))
