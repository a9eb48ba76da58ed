# expect: failed | the Y columns no longer belong to their X columns
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    Xs = rng.permutation(X.T).T  # the columns shuffled...
    Ys = rng.permutation(Y.T).T  # ...and Y's with a second, different draw
    return [(Xs[:, k:k + batch_size], Ys[:, k:k + batch_size]) for k in range(0, m, batch_size)]
