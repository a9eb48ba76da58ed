# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # (1 - s) * CE(one-hot) + s * mean over classes of -log p
    c, m = logits.shape
    shifted = logits - logits.max(axis=0)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0))
    cols = np.arange(m)
    hard = -log_p[labels, cols].mean()
    uniform = -log_p.mean(axis=0).mean()
    loss = (1 - smoothing) * hard + smoothing * uniform
    grad = np.exp(log_p) - smoothing / c
    grad[labels, cols] -= 1 - smoothing
    return float(loss), grad / m
