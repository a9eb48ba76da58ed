# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    return W[np.asarray(ids)]


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    flat = np.asarray(ids).reshape(-1)
    rows = dout.reshape(-1, d)
    dW = np.zeros((vocab_size, d))
    if flat.size == 0:
        return dW
    order = np.argsort(flat, kind="stable")
    sorted_ids = flat[order]
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
    dW[sorted_ids[starts]] = np.add.reduceat(rows[order], starts, axis=0)
    return dW
