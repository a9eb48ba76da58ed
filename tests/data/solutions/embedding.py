"""A correct solution for the embedding drill: a lookup, and np.add.at for repeated ids."""

import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
