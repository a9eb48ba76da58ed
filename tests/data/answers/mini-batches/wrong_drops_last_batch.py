# expect: failed | the last, partial batch is missing
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    X_s, Y_s = X[:, perm], Y[:, perm]
    return [
        (X_s[:, k * batch_size:(k + 1) * batch_size], Y_s[:, k * batch_size:(k + 1) * batch_size])
        for k in range(m // batch_size)
    ]
