# expect: failed | got 0 batches
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    X_s, Y_s = X[:, perm], Y[:, perm]
    # a stride of 1 instead of batch_size: every window of batch_size consecutive columns
    return [(X_s[:, k:k + batch_size], Y_s[:, k:k + batch_size]) for k in range(m - batch_size + 1)]
