# expect: failed | counted once
import numpy as np


def embedding_backward(dout, ids, vocab_size):
    # dW[t] = ... instead of dW[t] += ...: the last occurrence of an id overwrites the others
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    for idx in np.ndindex(np.shape(ids)):
        dW[ids[idx]] = dout[idx]
    return dW


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)
