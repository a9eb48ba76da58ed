# expect: failed | or an additive epsilon inside the log (log(p + 1e-9)) leaves that
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    e = np.exp(logits - logits.max(axis=0, keepdims=True))
    p = e / e.sum(axis=0, keepdims=True)
    return float(-np.sum(q * np.log(p + 1e-9)) / m), (p - q) / m
