# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    out = np.empty(ids.shape + (W.shape[1],))
    for idx in np.ndindex(ids.shape):  # one index tuple per position, () for a 0-d array
        out[idx] = W[ids[idx]]
    return out


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for idx in np.ndindex(ids.shape):
        dW[ids[idx]] += dout[idx]
    return dW
