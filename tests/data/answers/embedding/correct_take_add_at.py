# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    np.add.at(dW, ids, dout)
    return dW
