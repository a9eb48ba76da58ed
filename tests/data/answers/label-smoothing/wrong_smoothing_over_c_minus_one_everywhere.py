# expect: failed | every class got smoothing/(c-1), the true one included
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / (c - 1))
    q[labels, np.arange(m)] = 1.0 - smoothing + smoothing / (c - 1)
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
