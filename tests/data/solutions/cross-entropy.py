"""A correct solution for the cross-entropy drill."""

import numpy as np


def cross_entropy(y_hat, y):
    """Mean over the m columns of -log(probability given to the true class)."""
    y_hat = np.asarray(y_hat, dtype=np.float64)
    y = np.asarray(y)
    m = y.shape[1]
    true_class = np.argmax(y, axis=0)
    p = y_hat[true_class, np.arange(m)]
    return float(-np.sum(np.log(p)) / m)
