# expect: failed | out holds one number per id, W.reshape(-1)[ids]
import numpy as np


def embedding_forward(W, ids):
    # np.take indexes the flattened W unless it is told the axis
    return np.take(W, ids)


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
