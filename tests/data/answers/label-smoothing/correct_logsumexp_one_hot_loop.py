# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    loss = 0.0
    grad = np.empty((c, m))
    for j in range(m):
        z = logits[:, j]
        top = z.max()
        lse = top + np.log(np.sum(np.exp(z - top)))
        q = np.full(c, smoothing / c)
        q[labels[j]] += 1.0 - smoothing
        loss += float(np.dot(q, lse - z))
        grad[:, j] = np.exp(z - lse) - q
    return loss / m, grad / m
