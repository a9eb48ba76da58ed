# expect: failed | your code changed its input y_hat in place
import numpy as np


def cross_entropy(y_hat, y):
    """Clips the zeros away with out=y_hat, which rewrites the caller's probabilities."""
    np.clip(y_hat, 1e-12, 1.0, out=y_hat)
    m = y.shape[1]
    return float(-np.sum(y * np.log(y_hat)) / m)
