# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    flat = np.asarray(ids).reshape(-1)
    return W[flat].reshape(*np.shape(ids), W.shape[1])


def embedding_backward(dout, ids, vocab_size):
    flat = np.asarray(ids).reshape(-1)
    one_hot = (flat[:, None] == np.arange(vocab_size)[None, :]).astype(np.float64)
    return one_hot.T @ dout.reshape(flat.size, -1)
