# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    flat_ids = np.asarray(ids).reshape(-1)
    flat_g = dout.reshape(-1, d)
    dW = np.zeros((vocab_size, d))
    for k in range(d):
        dW[:, k] = np.bincount(flat_ids, weights=flat_g[:, k], minlength=vocab_size)
    return dW
