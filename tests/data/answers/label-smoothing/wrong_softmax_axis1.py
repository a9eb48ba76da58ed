# expect: failed | the softmax was taken over rows (axis=1); each column is one example
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # the softmax taken along the wrong axis (over the examples of each class)
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1 - smoothing
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
