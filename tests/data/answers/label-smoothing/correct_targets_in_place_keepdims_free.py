# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    top = logits.max(axis=0)  # (m,), no keepdims: broadcast back with [None, :]
    shifted = logits - top[None, :]
    lse = np.log(np.sum(np.exp(shifted), axis=0))
    log_p = shifted - lse[None, :]
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    loss = -np.einsum("km,km->", q, log_p) / m
    return float(loss), (np.exp(log_p) - q) / m
