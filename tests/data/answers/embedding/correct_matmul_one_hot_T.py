# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    flat = np.asarray(ids).reshape(-1)
    return np.take(W, flat, axis=0).reshape(np.shape(ids) + (W.shape[1],))


def embedding_backward(dout, ids, vocab_size):
    flat = np.asarray(ids).reshape(-1)
    rows = dout.reshape(-1, dout.shape[-1])
    one_hot = (flat[None, :] == np.arange(vocab_size)[:, None]).astype(np.float64)  # (V, N)
    return one_hot @ rows
