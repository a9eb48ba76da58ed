# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    one_hot = np.eye(W.shape[0])[ids]
    return one_hot @ W


def embedding_backward(dout, ids, vocab_size):
    one_hot = (ids.reshape(-1, 1) == np.arange(vocab_size)).astype(np.float64)
    return np.einsum("nv,nd->vd", one_hot, dout.reshape(-1, dout.shape[-1]))
