# expect: failed | the batch was cut from X.T, one example per row, and not turned back
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # written for the (m, n) row-per-example layout of PyTorch datasets
    Xr, Yr = X.T, Y.T
    m = Xr.shape[0]
    perm = rng.permutation(m)
    Xr, Yr = Xr[perm], Yr[perm]
    return [(Xr[k:k + batch_size], Yr[k:k + batch_size]) for k in range(0, m, batch_size)]
