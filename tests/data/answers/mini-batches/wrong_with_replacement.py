# expect: failed | some examples appear in more than one batch
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    idx = rng.integers(0, m, size=m)
    X_s, Y_s = X[:, idx], Y[:, idx]
    return [(X_s[:, k:k + batch_size], Y_s[:, k:k + batch_size]) for k in range(0, m, batch_size)]
