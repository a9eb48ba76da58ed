# expect: failed | dW was divided by the
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW / np.asarray(ids).size  # a mean over the tokens: the loss was not averaged here
