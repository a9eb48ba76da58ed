# expect: passed | passed all
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # one example per row while cutting, then back to one example per column
    perm = rng.permutation(X.shape[1])
    rows_x, rows_y = X.T[perm], Y.T[perm]
    out = []
    for k in range(0, rows_x.shape[0], batch_size):
        out.append((rows_x[k:k + batch_size].T, rows_y[k:k + batch_size].T))
    return out
