# expect: failed | np.array_split was asked for m // batch_size = 1 // 
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # m // batch_size "full" batches, and array_split is trusted to place the remainder
    m = X.shape[1]
    perm = rng.permutation(m)
    n = m // batch_size
    return list(zip(np.array_split(X[:, perm], n, axis=1), np.array_split(Y[:, perm], n, axis=1)))
