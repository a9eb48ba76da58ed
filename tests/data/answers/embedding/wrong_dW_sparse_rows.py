# expect: failed | dW has one row per distinct id (np.unique(ids))
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # a sparse gradient's values: one row per id that occurs, in np.unique's order
    d = dout.shape[-1]
    seen, where = np.unique(np.ravel(ids), return_inverse=True)
    rows = np.zeros((seen.size, d))
    np.add.at(rows, where, dout.reshape(-1, d))
    return rows
