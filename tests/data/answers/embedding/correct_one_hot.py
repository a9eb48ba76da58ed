# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    one_hot = np.eye(W.shape[0])[ids]  # ids.shape + (V,)
    return one_hot @ W


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    one_hot = np.eye(vocab_size)[np.ravel(ids)]  # (n, V)
    return one_hot.T @ dout.reshape(-1, d)
