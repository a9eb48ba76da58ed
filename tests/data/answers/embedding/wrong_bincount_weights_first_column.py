# expect: failed | every column of dW repeats the sums of dout's first column
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    flat = np.ravel(ids)
    g = dout.reshape(flat.size, -1)
    col = np.bincount(flat, weights=g[:, 0], minlength=vocab_size)
    return np.repeat(col[:, None], g.shape[1], axis=1)
