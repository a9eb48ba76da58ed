# expect: failed | the smoothing was divided by m
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    y = np.zeros((c, m))
    y[labels, np.arange(m)] = 1.0
    q = y * (1 - smoothing) + smoothing / m
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-(q * log_p).sum() / m), (np.exp(log_p) - q) / m
