# expect: failed | loss
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    s = logits - logits.max(axis=0, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=0, keepdims=True))
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1 - smoothing
    return float(-(q * logp).sum()), (np.exp(logp) - q) / m
