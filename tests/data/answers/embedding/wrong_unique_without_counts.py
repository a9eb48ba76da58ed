# expect: failed | rows for repeated ids are counted once
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    flat_ids = np.asarray(ids).reshape(-1)
    flat_g = dout.reshape(-1, dout.shape[-1])
    uniq, first = np.unique(flat_ids, return_index=True)
    dW[uniq] = flat_g[first]
    return dW
