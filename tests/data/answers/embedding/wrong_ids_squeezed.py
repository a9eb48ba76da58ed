# expect: failed | squeezed away (np.squeeze)
import numpy as np


def embedding_forward(W, ids):
    # "column vectors of ids come in sometimes": squeeze every size-1 axis away
    return W[np.squeeze(ids)]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
