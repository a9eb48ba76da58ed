# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    ids = np.asarray(ids)
    out = np.empty(ids.shape + (W.shape[1],))
    for idx in np.ndindex(ids.shape):
        out[idx] = W[ids[idx]]
    return out


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for idx in np.ndindex(np.shape(ids)):
        dW[int(np.asarray(ids)[idx])] += dout[idx]
    return dW
