# expect: failed | an index that fits W's rows went along an axis as long as its columns
import numpy as np


def embedding_forward(W, ids):
    E = W.T  # "make it (d, V)" and then index it as if it were still (V, d)
    return E[ids]


def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
