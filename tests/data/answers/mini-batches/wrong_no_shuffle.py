# expect: failed | the examples are in their original order
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    return [(X[:, k:k + batch_size], Y[:, k:k + batch_size]) for k in range(0, m, batch_size)]
