# expect: failed | the code re-seeded np.random.*
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    """Seeds the global generator from rng, then shuffles with np.random (old course habit)."""
    np.random.seed(int(rng.integers(0, 2**31)))
    m = X.shape[1]
    perm = np.random.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    return [(Xs[:, k : k + batch_size], Ys[:, k : k + batch_size]) for k in range(0, m, batch_size)]
