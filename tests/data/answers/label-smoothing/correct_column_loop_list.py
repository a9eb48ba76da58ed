# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    total = 0.0
    dz = np.empty((c, m))
    for j in range(m):
        z = logits[:, j]
        s = z - z.max()
        log_p = s - np.log(np.exp(s).sum())
        q = np.full(c, smoothing / c)
        q[labels[j]] += 1.0 - smoothing
        total -= q @ log_p
        dz[:, j] = (np.exp(log_p) - q) / m
    return [total / m, dz]
