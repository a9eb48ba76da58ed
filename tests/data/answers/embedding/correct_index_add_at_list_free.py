# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    ids = np.asarray(ids)
    return W[ids.reshape(-1)].reshape(*ids.shape, W.shape[1])


def embedding_backward(dout, ids, vocab_size):
    ids = np.asarray(ids).reshape(-1)
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for v in np.unique(ids):
        dW[v] = dout.reshape(-1, dout.shape[-1])[ids == v].sum(axis=0)
    return dW
