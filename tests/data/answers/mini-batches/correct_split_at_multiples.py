# expect: passed | passed all
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # np.split at the multiples of batch_size; the last piece keeps what is left
    m = X.shape[1]
    order = rng.permutation(m)
    cuts = np.arange(batch_size, m, batch_size)
    xs = np.split(X[:, order], cuts, axis=1)
    ys = np.split(Y[:, order], cuts, axis=1)
    return list(zip(xs, ys))
