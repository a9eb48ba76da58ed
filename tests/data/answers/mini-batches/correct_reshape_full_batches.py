# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # one permutation; the full batches come from one reshape of the shuffled columns,
    # the partial one from what is left over
    m = X.shape[1]
    perm = rng.permutation(m)
    k = m // batch_size
    full = k * batch_size
    Xs, Ys = X[:, perm], Y[:, perm]
    Xf = Xs[:, :full].reshape(X.shape[0], k, batch_size)
    Yf = Ys[:, :full].reshape(Y.shape[0], k, batch_size)
    batches = [(Xf[:, j, :].copy(), Yf[:, j, :].copy()) for j in range(k)]
    if full < m:
        batches.append((Xs[:, full:], Ys[:, full:]))
    return batches
