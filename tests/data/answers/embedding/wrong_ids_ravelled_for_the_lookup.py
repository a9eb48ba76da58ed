# expect: failed | the ids were flattened
import numpy as np


def embedding_forward(W, ids):
    # one flat list of ids looked up, never given back its batch and time axes
    return W[np.ravel(ids)]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, np.ravel(ids), dout.reshape(-1, dout.shape[-1]))
    return dW
