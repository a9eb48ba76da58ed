# expect: failed | dW has one row per distinct id (np.unique(ids))
import numpy as np


def embedding_forward(W, ids):
    return W[ids]


def embedding_backward(dout, ids, vocab_size):
    # gradient rows gathered per id in a dict, then stacked in id order: only the ids seen
    d = dout.shape[-1]
    rows = {}
    for t, g in zip(np.ravel(ids).tolist(), dout.reshape(-1, d)):
        rows[t] = rows.get(t, 0.0) + g
    return np.stack([rows[t] for t in sorted(rows)])
