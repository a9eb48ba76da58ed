"""A correct solution for the sigmoid drill: numerically stable, no overflow."""

import numpy as np


def sigmoid(z):
    """Elementwise logistic function, split on the sign so exp never sees a large positive number."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]: cannot overflow
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
