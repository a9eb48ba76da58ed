# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    # dW is built as (d, vocab): each token's gradient is scattered into the column of its
    # id, with np.add.at so that repeated ids add up; transposed back at the end
    d = dout.shape[-1]
    dWT = np.zeros((d, vocab_size))
    np.add.at(dWT, (slice(None), np.ravel(ids)), dout.reshape(-1, d).T)
    return np.ascontiguousarray(dWT.T)
