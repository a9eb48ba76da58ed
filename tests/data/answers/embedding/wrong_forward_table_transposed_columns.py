# expect: failed | runs along axis 0 of out, as a column, where it belongs on the last axis
import numpy as np


def embedding_forward(W, ids):
    # the table read as (d, V), one column per word, as in word2vec write-ups
    return W.T[:, ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
