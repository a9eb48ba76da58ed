# expect: passed | passed all
import math

import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    order = np.arange(m)
    rng.shuffle(order)  # shuffles the index array, not X
    shuffled_X = X[:, order]
    shuffled_Y = Y[:, order].reshape((Y.shape[0], m))
    batches = []
    full = math.floor(m / batch_size)
    for k in range(full):
        cols = slice(k * batch_size, (k + 1) * batch_size)
        batches.append((shuffled_X[:, cols], shuffled_Y[:, cols]))
    if m % batch_size != 0:
        batches.append((shuffled_X[:, full * batch_size:], shuffled_Y[:, full * batch_size:]))
    return batches
