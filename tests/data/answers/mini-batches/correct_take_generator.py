# expect: passed | passed all
import numpy as np


def _batches(X, Y, order, batch_size):
    # a generator over index blocks, each gathered with np.take
    for start in range(0, order.size, batch_size):
        idx = order[start:start + batch_size]
        yield np.take(X, idx, axis=1), np.take(Y, idx, axis=1)


def random_mini_batches(X, Y, batch_size, rng):
    return list(_batches(X, Y, rng.permutation(X.shape[1]), batch_size))
