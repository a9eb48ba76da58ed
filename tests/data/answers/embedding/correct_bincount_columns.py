# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    flat = np.asarray(ids).reshape(-1)
    d = dout.shape[-1]
    g = dout.reshape(-1, d)
    return np.stack([np.bincount(flat, weights=g[:, k], minlength=vocab_size) for k in range(d)], axis=1)
