# expect: failed | 13 batches of 0 columns came back, where m = 13 with batch_size = 1 gives 13 batches of 1 column: each batch stops one column short
def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    return [(Xs[:, k : k + batch_size - 1], Ys[:, k : k + batch_size - 1]) for k in range(0, m, batch_size)]
