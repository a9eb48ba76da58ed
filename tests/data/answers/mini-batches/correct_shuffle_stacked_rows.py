# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    n_x = X.shape[0]
    data = np.vstack([X, Y]).T.copy()  # one row per example
    rng.shuffle(data)
    out = []
    for chunk in np.split(data, np.arange(batch_size, data.shape[0], batch_size)):
        out.append((chunk[:, :n_x].T, chunk[:, n_x:].T))
    return out
