# expect: failed | as np.array_split(X, ceil(m / batch_size)) spreads them
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # array_split into ceil(m / b) near-equal parts: the sizes are spread, not b, b, ..., rest
    m = X.shape[1]
    perm = rng.permutation(m)
    n = -(-m // batch_size)
    return list(zip(np.array_split(X[:, perm], n, axis=1), np.array_split(Y[:, perm], n, axis=1)))
