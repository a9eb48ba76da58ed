# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    ids = np.asarray(ids)
    if ids.ndim == 0:
        return W[int(ids)]  # one token: basic indexing, a view of W's row
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    flat_ids = np.asarray(ids).reshape(-1)
    flat_dout = dout.reshape(-1, dout.shape[-1])
    for k in range(flat_ids.size):
        dW[flat_ids[k]] += flat_dout[k]
    return dW
