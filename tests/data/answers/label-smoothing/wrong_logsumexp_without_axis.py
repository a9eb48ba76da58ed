# expect: failed | np.sum(...) without axis=0, so every example shares one log-sum-exp
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    shift = logits.max(axis=0, keepdims=True)
    # the normaliser summed over the whole matrix, not over each column's classes
    lse = shift + np.log(np.sum(np.exp(logits - shift)))
    log_p = logits - lse
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    loss = -np.sum(q * log_p) / m
    p = np.exp(log_p)
    return float(loss), (p - q) / m
