# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    # a (vocab, positions) table of which id sits where, from np.equal.outer, times the
    # gradients as rows: repeated ids add up
    d = dout.shape[-1]
    where = np.equal.outer(np.arange(vocab_size), np.ravel(ids)).astype(np.float64)
    return where @ dout.reshape(-1, d)
