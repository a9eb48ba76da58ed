# expect: passed | passed
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    loss = 0.0
    grad = np.empty((c, m))
    for j in range(m):
        col = logits[:, j]
        shifted = col - col.max()
        logp = shifted - np.log(np.exp(shifted).sum())
        q = np.full(c, smoothing / c)
        q[labels[j]] += 1.0 - smoothing
        loss -= float(q @ logp)
        grad[:, j] = (np.exp(logp) - q) / m
    return loss / m, grad
