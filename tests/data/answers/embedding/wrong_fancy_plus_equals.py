# expect: failed | rows for repeated ids are counted once
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    dW[ids] += dout
    return dW
