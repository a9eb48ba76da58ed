# expect: passed | passed all
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # np.array_split with explicit cut points (not a count): full batches, then the rest
    m = X.shape[1]
    order = rng.permutation(m)
    both = np.vstack([X, Y])[:, order]
    cuts = np.arange(batch_size, m, batch_size)
    rows = X.shape[0]
    return [(part[:rows], part[rows:]) for part in np.array_split(both, cuts, axis=1)]
