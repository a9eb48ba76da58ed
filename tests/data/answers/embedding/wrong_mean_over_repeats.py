# expect: failed | averaged over their occurrences
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    # mean instead of sum over repeated ids
    flat = ids.reshape(-1)
    g = dout.reshape(-1, dout.shape[-1])
    counts = np.bincount(flat, minlength=vocab_size)
    np.add.at(dW, flat, g)
    return dW / np.maximum(counts, 1)[:, None]
