# expect: passed | passed
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    top = logits.max(axis=0)
    lse = top + np.log(np.exp(logits - top).sum(axis=0))
    cols = np.arange(m)
    nll = lse - logits[labels, cols]            # -log p of the true class
    uniform = lse - logits.mean(axis=0)         # -mean_k log p_k
    loss = np.mean((1.0 - smoothing) * nll + smoothing * uniform)
    p = np.exp(logits - lse)
    p[labels, cols] -= 1.0 - smoothing
    p -= smoothing / c
    return float(loss), p / m
