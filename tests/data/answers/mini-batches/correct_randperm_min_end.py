# expect: passed | passed
import numpy as np


def random_mini_batches(X, Y, batch_size, rng):
    # torch.randperm's order, the ends clipped with min() as a DataLoader sampler does
    m = X.shape[1]
    idx = rng.permutation(m)
    out = []
    start = 0
    while start < m:
        end = min(start + batch_size, m)
        chosen = idx[start:end]
        out.append((np.take(X, chosen, axis=1), np.take(Y, chosen, axis=1)))
        start = end
    return out
