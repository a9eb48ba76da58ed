# expect: failed | changed its input dout in place
import numpy as np


def embedding_forward(W, ids):
    out = W[ids]
    return out


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for pos in np.ndindex(np.shape(ids)):
        dW[ids[pos]] = dW[ids[pos]] + dout[pos]
    dout *= 0.0
    return dW
