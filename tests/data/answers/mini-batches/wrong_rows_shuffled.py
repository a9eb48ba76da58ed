# expect: failed | the rows (the features) were shuffled
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # examples as rows: shuffles and cuts the wrong axis
    perm = rng.permutation(X.shape[0])
    Xs = X[perm]
    Ys = Y[:, rng.permutation(Y.shape[1])]
    m = X.shape[1]
    return [(Xs[:, k : k + batch_size], Ys[:, k : k + batch_size]) for k in range(0, m, batch_size)]
