# expect: failed | dW holds the first row of ids only
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    ids = np.asarray(ids)
    rows = ids[0] if ids.ndim > 1 else ids
    grads = dout[0] if ids.ndim > 1 else dout
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for t, i in enumerate(rows.reshape(-1)):
        dW[i] += grads.reshape(-1, dout.shape[-1])[t]
    return dW
