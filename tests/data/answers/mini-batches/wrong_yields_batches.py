# expect: invalid | got a generator, which hands out its values one at a time; return a list of them instead (list(...))
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # right batches, but a generator: the grader asks for list(...) around it
    m = X.shape[1]
    perm = rng.permutation(m)
    for start in range(0, m, batch_size):
        idx = perm[start : start + batch_size]
        yield X[:, idx], Y[:, idx]
