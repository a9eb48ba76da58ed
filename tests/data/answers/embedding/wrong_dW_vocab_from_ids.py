# expect: failed | dW has ids.max() + 1 rows
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((int(np.max(ids)) + 1, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
