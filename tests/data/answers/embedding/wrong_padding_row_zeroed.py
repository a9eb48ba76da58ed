# expect: failed | dW's row 0 is 0 though id 0 occurs: id 0 was kept for padding
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    np.add.at(dW, np.ravel(ids), dout.reshape(-1, d))
    dW[0] = 0.0  # id 0 taken for padding, as nn.Embedding(padding_idx=0) does
    return dW
