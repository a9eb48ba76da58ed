# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    # columns of the (d, V) view, then the d axis moved to the end: ids.shape + (d,)
    picked = W.T[:, np.asarray(ids)]
    return np.moveaxis(picked, 0, -1)


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    dWT = np.zeros((d, vocab_size))
    np.add.at(dWT.T, np.asarray(ids).reshape(-1), dout.reshape(-1, d))
    return dWT.T.copy()
