# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    return W[ids.reshape(-1)].reshape(*ids.shape, -1) if ids.ndim else W[int(ids)]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids.reshape(-1), dout.reshape(-1, dout.shape[-1]))
    return dW
