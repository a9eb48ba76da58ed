# expect: failed | the log-softmax lost each column's max
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    mx = logits.max(axis=0, keepdims=True)
    log_p = logits - np.log(np.exp(logits - mx).sum(axis=0, keepdims=True))
    loss = -np.sum(q * log_p) / m
    p = np.exp(logits - mx) / np.exp(logits - mx).sum(axis=0, keepdims=True)
    return float(loss), (p - q) / m
