# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    flat = dout.reshape(-1, d)
    seen, where = np.unique(ids.reshape(-1), return_inverse=True)
    sums = np.zeros((seen.size, d))
    for k in range(seen.size):
        sums[k] = flat[where == k].sum(axis=0)
    dW = np.zeros((vocab_size, d))
    dW[seen] = sums  # each id once, so assigning is safe here
    return dW
