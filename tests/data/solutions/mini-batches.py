"""A correct solution for the mini-batches drill."""



def random_mini_batches(X, Y, batch_size, rng):
    """One shared permutation of the columns, then consecutive slices; the last may be short."""
    m = X.shape[1]
    perm = rng.permutation(m)
    X_shuf, Y_shuf = X[:, perm], Y[:, perm]
    return [
        (X_shuf[:, k : k + batch_size], Y_shuf[:, k : k + batch_size])
        for k in range(0, m, batch_size)
    ]
