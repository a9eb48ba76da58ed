# expect: failed | the ids were read as counting from 1, W[ids - 1]
import numpy as np


def embedding_forward(W, ids):
    return W[np.asarray(ids) - 1]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
