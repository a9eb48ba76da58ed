# expect: passed | passed all
# one bincount over (id, column) pairs numbered id * d + column
import numpy as np


def embedding_forward(W, ids):
    return W.take(np.asarray(ids), axis=0)


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    flat_ids = np.asarray(ids).reshape(-1)
    cells = (flat_ids[:, None] * d + np.arange(d)).ravel()
    sums = np.bincount(cells, weights=dout.reshape(-1), minlength=vocab_size * d)
    return sums.reshape(vocab_size, d)
