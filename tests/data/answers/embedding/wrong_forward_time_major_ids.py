# expect: failed | the ids' axes (
import numpy as np


def embedding_forward(W, ids):
    # ids read as (T, batch), time-major as an RNN loop wants them
    return W[np.asarray(ids).T]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
