# expect: failed | Y[k:k + batch_size] slices axis 0 (one row per label)
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    batches = []
    for k in range(0, m, batch_size):
        batches.append((Xs[:, k:k + batch_size], Ys[k:k + batch_size]))  # Y "is just labels"
    return batches
