# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    flat = ids.reshape(-1)
    return W[flat].reshape(ids.shape + (W.shape[1],))


def embedding_backward(dout, ids, vocab_size):
    grads = dout.reshape(-1, dout.shape[-1])
    dW = np.zeros((vocab_size, dout.shape[-1]), dtype=np.float64)
    for k, v in enumerate(ids.reshape(-1)):
        dW[v] += grads[k]
    return dW
