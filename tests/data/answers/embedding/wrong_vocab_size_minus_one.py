# expect: failed | dW has vocab_size - 1 rows
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size - 1, dout.shape[-1]))
    np.add.at(dW, ids.clip(max=vocab_size - 2), dout)
    return dW
