# expect: failed | a loop over the first axis of ids, dW[ids[t]] += dout[t]
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for t, i in enumerate(np.atleast_1d(ids)):
        dW[i] += dout.reshape(np.atleast_1d(ids).shape + dout.shape[-1:])[t]
    return dW
