# expect: invalid | got a generator, which hands out its values one at a time
def random_mini_batches(X, Y, batch_size, rng):
    perm = rng.permutation(X.shape[1])
    X, Y = X[:, perm], Y[:, perm]
    for k in range(0, X.shape[1], batch_size):
        yield X[:, k : k + batch_size], Y[:, k : k + batch_size]
