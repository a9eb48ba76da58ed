# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    """Since each column of q sums to 1, the loss is logsumexp(z) - q . z per example."""
    c, m = logits.shape
    cols = np.arange(m)
    top = logits.max(axis=0)
    lse = top + np.log(np.exp(logits - top).sum(axis=0))
    qz = (1 - smoothing) * logits[labels, cols] + smoothing / c * (logits - top).sum(axis=0) + smoothing * top
    loss = np.mean(lse - qz)
    p = np.exp(logits - lse)
    p[labels, cols] -= 1 - smoothing
    return float(loss), (p - smoothing / c) / m
