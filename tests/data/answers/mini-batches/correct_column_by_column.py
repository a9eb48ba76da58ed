# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    """Each batch stacked column by column in a Python loop: slow, but one shared permutation."""
    m = X.shape[1]
    order = rng.permutation(m)
    batches = []
    for start in range(0, m, batch_size):
        cols = order[start : start + batch_size]
        xb = np.stack([X[:, j] for j in cols], axis=1)
        yb = np.stack([Y[:, j] for j in cols], axis=1)
        batches.append((xb, yb))
    return batches
