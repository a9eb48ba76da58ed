# expect: passed | passed
import numpy as np


def embedding_forward(W, ids):
    return np.take(W, ids, axis=0)


def embedding_backward(dout, ids, vocab_size):
    # a (vocab, tokens) table of matches times the tokens' gradients: repeats add up
    flat = np.asarray(ids).reshape(-1)
    grads = dout.reshape(flat.size, -1)
    match = np.arange(vocab_size)[:, None] == flat[None, :]
    return match.astype(np.float64) @ grads
