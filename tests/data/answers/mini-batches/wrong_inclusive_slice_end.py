# expect: failed | each batch takes one column more, as X[:, k:k + batch_size + 1] cuts
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # the end written as if slices kept it (MATLAB's k:k+b): one column too many each time
    m = X.shape[1]
    order = rng.permutation(m)
    X_shuf = X[:, order]
    Y_shuf = Y[:, order]
    batches = []
    for start in range(0, m, batch_size):
        end = min(start + batch_size + 1, m)
        batches.append((X_shuf[:, start:end], Y_shuf[:, start:end]))
    return batches
