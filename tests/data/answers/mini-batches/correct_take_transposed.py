# expect: passed | passed all
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    perm = rng.permutation(X.shape[1])
    Xs = np.take(X.T, perm, axis=0).T
    Ys = np.take(Y.T, perm, axis=0).T
    n = -(-X.shape[1] // batch_size)
    return [(Xs[:, i * batch_size : (i + 1) * batch_size], Ys[:, i * batch_size : (i + 1) * batch_size]) for i in range(n)]
