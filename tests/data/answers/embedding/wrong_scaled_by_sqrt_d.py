# expect: failed | out was scaled by sqrt(d)
import numpy as np


def embedding_forward(W, ids):
    return W[ids] * np.sqrt(W.shape[1])


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout * np.sqrt(dout.shape[-1]))
    return dW
