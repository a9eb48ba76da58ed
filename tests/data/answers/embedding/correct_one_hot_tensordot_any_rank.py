# expect: passed | passed all
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    # one_hot has ids.shape + (V,); contract every axis of ids away
    one_hot = (ids[..., None] == np.arange(vocab_size)).astype(np.float64)
    axes = list(range(ids.ndim))
    return np.tensordot(one_hot, dout, axes=(axes, axes))
