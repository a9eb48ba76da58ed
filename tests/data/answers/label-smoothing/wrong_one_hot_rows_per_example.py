# expect: failed | one row per example (as np.eye(c)[labels] gives)
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = (1.0 - smoothing) * np.eye(c)[labels] + smoothing / c
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = -np.sum(q * log_p) / m
    return float(loss), (np.exp(log_p) - q) / m
