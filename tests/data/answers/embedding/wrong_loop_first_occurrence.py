# expect: failed | counted once
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # a loop that writes each id's row once: the first occurrence wins, the others are lost
    d = dout.shape[-1]
    flat_ids = np.asarray(ids).reshape(-1)
    flat_dout = dout.reshape(-1, d)
    dW = np.zeros((vocab_size, d))
    seen = set()
    for i, t in enumerate(flat_ids):
        if t not in seen:
            dW[t] = flat_dout[i]
            seen.add(t)
    return dW
