# expect: passed | passed all
import math

import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    idx = np.arange(m)
    rng.shuffle(idx)
    out = []
    for k in range(math.ceil(m / batch_size)):
        cols = idx[k * batch_size : (k + 1) * batch_size]
        out.append((np.take(X, cols, axis=1), np.take(Y, cols, axis=1)))
    return out
