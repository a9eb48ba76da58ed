# expect: failed | the last, partial batch is missing
def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    return [(Xs[:, k : k + batch_size], Ys[:, k : k + batch_size]) for k in range(0, m - 1, batch_size)]
