# expect: failed | rows for repeated ids are counted once
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # np.unique's first positions give each id one row of dout: the repeats are lost
    d = dout.shape[-1]
    flat_ids = np.ravel(ids)
    rows = dout.reshape(-1, d)
    uniq, first = np.unique(flat_ids, return_index=True)
    dW = np.zeros((vocab_size, d))
    dW[uniq] = rows[first]
    return dW
