# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    idx = np.arange(X.shape[1])
    rng.shuffle(idx)  # shuffles the index array in place, never X or Y
    batches = []
    for start in range(0, len(idx), batch_size):
        cols = idx[start:start + batch_size]
        batches.append((X[:, cols], Y[:, cols]))
    return batches
