# expect: failed | changed its input
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    X[:] = X[:, perm]
    Y[:] = Y[:, perm]
    return [(X[:, k:k + batch_size].copy(), Y[:, k:k + batch_size].copy()) for k in range(0, m, batch_size)]
