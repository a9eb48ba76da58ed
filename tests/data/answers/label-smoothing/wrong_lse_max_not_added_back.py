# expect: failed | the log-softmax lost each column's max
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    """log-softmax as z - logsumexp, the shift taken out of the sum but not put back."""
    c, m = logits.shape
    top = logits.max(axis=0, keepdims=True)
    lse = np.log(np.exp(logits - top).sum(axis=0, keepdims=True))
    log_p = logits - lse
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    loss = float(-(q * log_p).sum() / m)
    p = np.exp(logits - top)
    p /= p.sum(axis=0, keepdims=True)
    return loss, (p - q) / m
