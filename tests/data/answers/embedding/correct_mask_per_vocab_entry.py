# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for v in range(vocab_size):
        mask = ids == v
        dW[v] = dout[mask].sum(axis=0) if mask.any() else 0.0
    return dW
