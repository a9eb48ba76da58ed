# expect: failed | the width was read as dout.shape[1]
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[1]  # the width, for a 1-D sequence of ids
    dW = np.zeros((vocab_size, d))
    np.add.at(dW, np.ravel(ids), dout.reshape(-1, d))
    return dW
