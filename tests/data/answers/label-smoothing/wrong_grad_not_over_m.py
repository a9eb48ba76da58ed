# expect: failed | : divide by m = 
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # the loss is averaged over the m examples but its gradient is not
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1 - smoothing
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(q * log_p) / m), np.exp(log_p) - q
