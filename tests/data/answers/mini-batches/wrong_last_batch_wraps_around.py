# expect: failed | it was filled up with repeated examples (wrapping around, or np.resize)
# indices taken modulo m, so the last batch borrows examples from the first
import math
import numpy as np
def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    X, Y = X[:, perm], Y[:, perm]
    out = []
    for k in range(math.ceil(m / batch_size)):
        idx = np.arange(k * batch_size, (k + 1) * batch_size) % m
        out.append((X[:, idx], Y[:, idx]))
    return out
