# expect: failed | every batch but the last holds exactly batch_size columns
import math

import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # the number of batches first (m // batch_size), then one size that shares m out evenly
    # among them: no short last batch, but every batch is larger than batch_size
    m = X.shape[1]
    n_batches = max(1, m // batch_size)
    size = math.ceil(m / n_batches)
    perm = rng.permutation(m)
    X, Y = X[:, perm], Y[:, perm]
    return [(X[:, i : i + size], Y[:, i : i + size]) for i in range(0, m, size)]
