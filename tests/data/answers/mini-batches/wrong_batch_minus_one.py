# expect: failed | X of batch 0 has shape (2, 0)
def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    return [(Xs[:, k : k + batch_size - 1], Ys[:, k : k + batch_size - 1]) for k in range(0, m, batch_size)]
