# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permuted(np.arange(m))
    n_full = m // batch_size
    batches = [
        (X[:, perm[i * batch_size : (i + 1) * batch_size]], Y[:, perm[i * batch_size : (i + 1) * batch_size]])
        for i in range(n_full)
    ]
    if m % batch_size:
        batches.append((X[:, perm[n_full * batch_size :]], Y[:, perm[n_full * batch_size :]]))
    return batches
