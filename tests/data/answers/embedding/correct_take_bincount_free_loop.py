# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, np.asarray(ids), axis=0)


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    flat_ids = np.asarray(ids).reshape(-1)
    flat_dout = dout.reshape(-1, d)
    for k in range(flat_ids.size):
        dW[flat_ids[k]] += flat_dout[k]
    return dW
