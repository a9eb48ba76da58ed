# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, np.asarray(ids), axis=0)


def embedding_backward(dout, ids, vocab_size):
    flat = np.asarray(ids).reshape(-1)
    g = dout.reshape(flat.size, -1)
    onehot = flat[None, :] == np.arange(vocab_size)[:, None]
    return onehot.astype(np.float64) @ g
