# expect: failed | an index [np.arange(m), labels] puts the examples on axis 0
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[np.arange(m), labels] += 1.0 - smoothing
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = -np.sum(q * log_p) / m
    return float(loss), (np.exp(log_p) - q) / m
