# expect: failed | loss
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    # log-softmax along axis 1: over the examples instead of the classes
    s = logits - logits.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1 - smoothing
    return float(-(q * logp).sum() / m), (np.exp(logp) - q) / m
