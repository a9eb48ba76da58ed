# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    flat = np.ravel(ids)
    g = dout.reshape(flat.size, dout.shape[-1])
    dW = np.zeros((vocab_size, dout.shape[-1]))
    order = np.argsort(flat, kind="stable")
    uniq, starts = np.unique(flat[order], return_index=True)
    ends = np.append(starts[1:], flat.size)
    for v, a, b in zip(uniq, starts, ends):
        dW[v] = g[order[a:b]].sum(axis=0)
    return dW
