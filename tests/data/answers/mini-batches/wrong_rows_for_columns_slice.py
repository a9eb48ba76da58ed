# expect: failed | X[k:k + batch_size] slices axis 0 (the features)
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    X, Y = X[:, perm], Y[:, perm]
    # the shuffle is by columns, but the cut is the row-per-example habit
    return [(X[k:k + batch_size], Y[k:k + batch_size]) for k in range(0, m, batch_size)]
