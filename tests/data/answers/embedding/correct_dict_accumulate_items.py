# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    ids = np.asarray(ids)
    return (
        np.stack([W[i] for i in ids.ravel()]).reshape(ids.shape + (W.shape[1],))
        if ids.size
        else np.zeros(ids.shape + (W.shape[1],))
    )


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    acc = {}
    for i, row in zip(np.ravel(ids).tolist(), dout.reshape(-1, d)):
        acc[i] = acc.get(i, 0.0) + row
    dW = np.zeros((vocab_size, d))
    for i, row in acc.items():
        dW[i] = row
    return dW
