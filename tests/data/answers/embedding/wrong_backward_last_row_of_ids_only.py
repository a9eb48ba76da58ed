# expect: failed | dW holds the last row of ids only
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    ids = np.atleast_1d(ids)
    np.add.at(
        dW,
        ids[-1] if ids.ndim > 1 else ids,
        dout[-1] if ids.ndim > 1 else dout.reshape(ids.shape + (-1,)),
    )
    return dW
