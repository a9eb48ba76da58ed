# expect: failed | the Y columns no longer belong to their X columns
def random_mini_batches(X, Y, batch_size, rng):
    """X and Y each get their own permutation (two draws from rng)."""
    m = X.shape[1]
    Xs = X[:, rng.permutation(m)]
    Ys = Y[:, rng.permutation(m)]
    return [(Xs[:, k:k + batch_size], Ys[:, k:k + batch_size]) for k in range(0, m, batch_size)]
