# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    order = rng.choice(m, size=m, replace=False)
    Xs, Ys = X[:, order], Y[:, order]
    return [(Xs[:, k : k + batch_size], Ys[:, k : k + batch_size]) for k in range(0, m, batch_size)]
