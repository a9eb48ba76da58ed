# expect: passed | passed all
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    order = rng.permutation(m)
    out = []
    start = 0
    while start < m:
        idx = order[start : start + batch_size]
        out.append((X[:, idx], Y[:, idx]))
        start += batch_size
    return out
