# expect: failed | X of batch 0 has dtype float32
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    """Batches cast to float32 'to halve the memory', as a data loader for a GPU would."""
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs = X[:, perm].astype(np.float32)
    Ys = Y[:, perm].astype(np.float32)
    return [(Xs[:, k : k + batch_size], Ys[:, k : k + batch_size]) for k in range(0, m, batch_size)]
