# expect: failed | one row per example
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q += (1.0 - smoothing) * (np.arange(c)[None, :] == labels[:, None])
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
