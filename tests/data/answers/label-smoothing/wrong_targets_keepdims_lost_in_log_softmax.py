# expect: failed | a column of one value per column
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    shifted = logits - logits.max(axis=0)
    # the log-sum-exp taken over the classes, then transposed to a column by habit
    lse = np.log(np.exp(shifted).sum(axis=0))[:, None]
    log_p = shifted - lse
    loss = -np.sum(q * log_p) / m
    return float(loss), (np.exp(log_p) - q) / m
