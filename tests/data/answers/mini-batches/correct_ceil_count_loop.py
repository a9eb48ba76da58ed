# expect: passed | passed
import math


def random_mini_batches(X, Y, batch_size, rng):
    """ceil(m / batch_size) batches; min() clips the last one."""
    m = X.shape[1]
    perm = rng.permutation(m)
    out = []
    for k in range(math.ceil(m / batch_size)):
        idx = perm[k * batch_size:min((k + 1) * batch_size, m)]
        out.append((X[:, idx], Y[:, idx]))
    return out
