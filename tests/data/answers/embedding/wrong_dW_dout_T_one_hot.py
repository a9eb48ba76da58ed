# expect: failed | dW is (d, V): dout^T @ one_hot is dW^T
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    d = dout.shape[-1]
    one_hot = np.eye(vocab_size)[np.ravel(ids)]
    return dout.reshape(-1, d).T @ one_hot  # (d, V): the product in the other order
