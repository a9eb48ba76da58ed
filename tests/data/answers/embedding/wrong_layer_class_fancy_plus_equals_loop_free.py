# expect: failed | rows for repeated ids are counted once
import numpy as np


class Embedding:
    def __init__(self, vocab_size):
        self.vocab_size = vocab_size

    def __call__(self, W, ids):
        return W[ids]

    def backward(self, dout, ids):
        dW = np.zeros((self.vocab_size, dout.shape[-1]))
        dW[ids.reshape(-1)] += dout.reshape(-1, dout.shape[-1])
        return dW


def embedding_forward(W, ids):
    return Embedding(W.shape[0])(W, ids)


def embedding_backward(dout, ids, vocab_size):
    return Embedding(vocab_size).backward(dout, np.asarray(ids))
