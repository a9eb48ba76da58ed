# expect: failed | the same seed shuffled differently
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = np.random.permutation(m)
    X_s, Y_s = X[:, perm], Y[:, perm]
    return [(X_s[:, k:k + batch_size], Y_s[:, k:k + batch_size]) for k in range(0, m, batch_size)]
