# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    order = np.argsort(rng.random(m))
    batches = []
    for start in range(0, m, batch_size):
        cols = order[start : start + batch_size]
        batches.append((X[:, cols], Y[:, cols]))
    return batches
