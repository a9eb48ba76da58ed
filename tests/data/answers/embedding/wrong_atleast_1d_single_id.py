# expect: failed | out keeps their shape: ids.shape + (d,)
import numpy as np


def embedding_forward(W, ids):
    ids = np.atleast_1d(ids)
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    ids = np.atleast_1d(ids)
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids.ravel(), dout.reshape(-1, dout.shape[-1]))
    return dW
