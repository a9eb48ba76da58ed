# expect: passed | passed
import numpy as np


class Embedding:
    def __init__(self, W):
        self.W = W

    def __call__(self, ids):
        return np.take(self.W, ids, axis=0)

    @staticmethod
    def grad(dout, ids, vocab_size):
        d = dout.shape[-1]
        dW = np.zeros((vocab_size, d))
        rows = dout.reshape(-1, d)
        for k, i in enumerate(np.ravel(ids).tolist()):
            dW[i] += rows[k]
        return dW


def embedding_forward(W, ids):
    return Embedding(W)(ids)


def embedding_backward(dout, ids, vocab_size):
    return Embedding.grad(dout, ids, vocab_size)
