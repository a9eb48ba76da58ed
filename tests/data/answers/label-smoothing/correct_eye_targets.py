# expect: passed | passed
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    one_hot = np.eye(c)[:, labels]  # (c, m)
    q = one_hot * (1 - smoothing) + smoothing / c
    z = logits - logits.max(axis=0)
    log_p = z - np.log(np.exp(z).sum(axis=0))
    return float(-(q * log_p).sum(axis=0).mean()), (np.exp(log_p) - q) / m
