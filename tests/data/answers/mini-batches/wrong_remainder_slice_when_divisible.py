# expect: failed | [-0:] is everything
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # the partial batch is taken as the last m % batch_size columns with a negative slice;
    # when m divides evenly that is perm[-0:], the whole epoch again
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    batches = []
    for k in range(m // batch_size):
        cols = slice(k * batch_size, (k + 1) * batch_size)
        batches.append((Xs[:, cols], Ys[:, cols]))
    rest = m % batch_size
    batches.append((Xs[:, -rest:], Ys[:, -rest:]))
    return batches
