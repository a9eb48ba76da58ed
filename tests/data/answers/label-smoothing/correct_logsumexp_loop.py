# expect: passed | passed
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    loss = 0.0
    dlogits = np.empty((c, m))
    for k in range(m):
        col = logits[:, k]
        top = col.max()
        lse = top + np.log(np.exp(col - top).sum())
        q = np.full(c, smoothing / c)
        q[labels[k]] += 1 - smoothing
        loss += -(q * (col - lse)).sum()
        dlogits[:, k] = (np.exp(col - lse) - q) / m
    return loss / m, dlogits
