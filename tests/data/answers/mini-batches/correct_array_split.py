# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    cuts = list(range(batch_size, m, batch_size))
    return list(zip(np.split(Xs, cuts, axis=1), np.split(Ys, cuts, axis=1)))
