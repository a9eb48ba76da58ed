# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # shuffle X and Y stacked together: one permutation of the columns keeps pairs aligned
    both = rng.permutation(np.vstack([X, Y]).T).T
    X_s, Y_s = both[: X.shape[0]], both[X.shape[0]:]
    n_full = X.shape[1] // batch_size
    out = [(X_s[:, k * batch_size:(k + 1) * batch_size], Y_s[:, k * batch_size:(k + 1) * batch_size]) for k in range(n_full)]
    if X.shape[1] % batch_size:
        out.append((X_s[:, n_full * batch_size:], Y_s[:, n_full * batch_size:]))
    return out
