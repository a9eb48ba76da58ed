# expect: failed | np.array_split(X, batch_size) spreads them (its second argument is the number of parts
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # array_split's second argument read as the size of each part
    perm = rng.permutation(X.shape[1])
    Xs = np.array_split(X[:, perm], batch_size, axis=1)
    Ys = np.array_split(Y[:, perm], batch_size, axis=1)
    return [(xb, yb) for xb, yb in zip(Xs, Ys) if xb.shape[1] > 0]
