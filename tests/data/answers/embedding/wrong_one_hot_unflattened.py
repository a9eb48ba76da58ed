# expect: failed | a one-hot matrix np.eye(V)[ids] has shape
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    one_hot = np.eye(vocab_size)[ids]  # ids.shape + (V,)
    return one_hot.T @ dout
