# expect: failed | dW has dtype float32; expected float64
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    # "gradients do not need double precision": a float32 table to save memory
    dW = np.zeros((vocab_size, d), dtype=np.float32)
    np.add.at(dW, ids.reshape(-1), dout.reshape(-1, d))
    return dW
