# expect: failed | dW was divided by the
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    ids = np.asarray(ids)
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    np.add.at(dW, ids.reshape(-1), dout.reshape(-1, d))
    # averaged over the batch, as if the loss's mean were not in dout already
    batch = ids.shape[0] if ids.ndim else 1
    return dW / batch
