# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    idx = np.arange(X.shape[1])
    rng.shuffle(idx)
    batches = []
    start = 0
    while start < idx.size:
        sel = idx[start : start + batch_size]
        batches.append((np.take(X, sel, axis=1), np.take(Y, sel, axis=1)))
        start += batch_size
    return batches
