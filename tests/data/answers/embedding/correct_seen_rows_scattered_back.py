# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # the sparse gradient first (one row per distinct id), then scattered into the full table
    d = dout.shape[-1]
    seen, where = np.unique(np.ravel(ids), return_inverse=True)
    rows = np.zeros((seen.size, d))
    np.add.at(rows, where, dout.reshape(-1, d))
    dW = np.zeros((vocab_size, d))
    dW[seen] = rows
    return dW
