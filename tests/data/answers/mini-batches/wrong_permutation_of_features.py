# expect: failed | fails when X's rows and columns differ
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # the permutation's length read from X.shape[0], the features, as if examples were rows
    m = X.shape[1]
    perm = rng.permutation(X.shape[0])
    Xs, Ys = X[:, perm], Y[:, perm]
    return [(Xs[:, k : k + batch_size], Ys[:, k : k + batch_size]) for k in range(0, m, batch_size)]
