# expect: failed | the Y columns no longer belong to their X columns
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    X_s = X[:, rng.permutation(m)]
    Y_s = Y[:, rng.permutation(m)]
    return [(X_s[:, k:k + batch_size], Y_s[:, k:k + batch_size]) for k in range(0, m, batch_size)]
