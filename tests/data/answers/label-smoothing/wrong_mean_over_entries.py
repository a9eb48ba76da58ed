# expect: failed | np.mean over all c*m entries divides by c
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(np.mean(-q * log_p)), (np.exp(log_p) - q) / m
