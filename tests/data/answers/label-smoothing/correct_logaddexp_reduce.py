# expect: passed | passed
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    # log-sum-exp of each column by numpy's reduction of logaddexp
    lse = np.logaddexp.reduce(logits, axis=0)
    log_p = logits - lse
    target = np.eye(c)[:, labels] * (1.0 - smoothing) + smoothing / c
    loss = float(-(target * log_p).sum() / m)
    return loss, (np.exp(log_p) - target) / m
