# expect: passed | passed
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # (1 - s) * CE(one-hot) + s * mean over classes of -log p: the same loss, split in two
    c, m = logits.shape
    z = logits - logits.max(axis=0)
    lse = np.log(np.exp(z).sum(axis=0))
    log_p = z - lse
    nll = -log_p[labels, np.arange(m)]
    uniform = -log_p.mean(axis=0)
    loss = np.mean((1 - smoothing) * nll + smoothing * uniform)
    grad = np.exp(log_p) - smoothing / c
    grad[labels, np.arange(m)] -= 1 - smoothing
    return float(loss), grad / m
