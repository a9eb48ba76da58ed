# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # loss = (1 - s) * NLL of the true class + s * mean over classes of -log p
    c, m = logits.shape
    top = logits.max(axis=0)
    lse = top + np.log(np.sum(np.exp(logits - top), axis=0))
    log_p = logits - lse
    nll = -log_p[labels, np.arange(m)]
    uniform = -log_p.mean(axis=0)
    loss = np.mean((1.0 - smoothing) * nll + smoothing * uniform)
    grad = np.exp(log_p) - smoothing / c
    grad[labels, np.arange(m)] -= 1.0 - smoothing
    return loss, grad / m
