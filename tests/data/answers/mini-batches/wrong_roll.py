# expect: failed | np.roll
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # a random rotation of the columns: the order moves, but neighbours stay neighbours
    m = X.shape[1]
    shift = int(rng.integers(m))
    X_s, Y_s = np.roll(X, shift, axis=1), np.roll(Y, shift, axis=1)
    return [(X_s[:, k:k + batch_size], Y_s[:, k:k + batch_size]) for k in range(0, m, batch_size)]
