# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    # a flat lookup, then the ids' own axes put back in front of d
    ids = np.asarray(ids)
    return W[ids.ravel()].reshape(*ids.shape, W.shape[1])


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, np.ravel(ids), dout.reshape(-1, dout.shape[-1]))
    return dW
