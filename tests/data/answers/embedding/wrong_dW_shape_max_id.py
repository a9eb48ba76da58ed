# expect: failed | dW has ids.max() + 1 rows
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # sized by the largest id seen instead of vocab_size
    n = int(np.max(ids)) + 1
    dW = np.zeros((n, dout.shape[-1]))
    np.add.at(dW, ids.reshape(-1), dout.reshape(-1, dout.shape[-1]))
    return dW
