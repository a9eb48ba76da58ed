# expect: failed | the true class's target is 1 - smoothing
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] = 1 - smoothing  # = instead of +=: the true class misses its share
    z = logits - logits.max(axis=0, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=0, keepdims=True))
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
