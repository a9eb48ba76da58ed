# expect: passed | passed all
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    order = rng.permutation(X.shape[1])
    Xs, Ys = X[:, order], Y[:, order]
    batches = []
    for start in range(0, X.shape[1], batch_size):
        stop = start + batch_size
        batches.append((Xs[:, start:stop], Ys[:, start:stop]))
    return batches
