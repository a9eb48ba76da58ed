# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # one example per row (transposed), targets from np.eye, log-softmax by log-sum-exp
    z = logits.T
    n, c = z.shape
    q = (1.0 - smoothing) * np.eye(c)[labels] + smoothing / c
    top = z.max(axis=1, keepdims=True)
    log_p = z - top - np.log(np.exp(z - top).sum(axis=1, keepdims=True))
    loss = -np.einsum("mc,mc->", q, log_p) / n
    return float(loss), ((np.exp(log_p) - q) / n).T
