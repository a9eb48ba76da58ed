# expect: failed | np.add.reduceat summed the rows in the ids' own order
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    """np.add.reduceat over runs of equal ids, without sorting the ids first."""
    flat_ids = np.asarray(ids).ravel()
    rows = dout.reshape(-1, dout.shape[-1])
    uniq, starts = np.unique(flat_ids, return_index=True)
    dW = np.zeros((vocab_size, dout.shape[-1]))
    dW[uniq] = np.add.reduceat(rows, starts, axis=0)
    return dW
