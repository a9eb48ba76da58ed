# expect: failed | the last, partial batch is missing
def random_mini_batches(X, Y, batch_size, rng):
    """Only the m // batch_size full batches: the leftover examples are never seen."""
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    return [(Xs[:, k * batch_size:(k + 1) * batch_size], Ys[:, k * batch_size:(k + 1) * batch_size]) for k in range(m // batch_size)]
