# expect: failed | an integer array drops the fractions
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # dW takes its dtype from the integer ids: np.add.at stores only whole numbers into it
    dW = np.zeros((vocab_size, dout.shape[-1]), dtype=ids.dtype)
    np.add.at(dW, ids, dout)
    return dW
