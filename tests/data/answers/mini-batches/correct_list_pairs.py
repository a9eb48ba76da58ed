# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    p = rng.permutation(m)
    return [[X[:, p[k : k + batch_size]], Y[:, p[k : k + batch_size]]] for k in range(0, m, batch_size)]
