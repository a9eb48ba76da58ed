# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # the loss split into its two terms; the gradient built in place from the softmax
    c, m = logits.shape
    cols = np.arange(m)
    shifted = logits - np.max(logits, axis=0)
    lse = np.log(np.sum(np.exp(shifted), axis=0))
    log_p = shifted - lse
    nll = -log_p[labels, cols]
    uniform = -log_p.mean(axis=0)
    loss = np.mean((1 - smoothing) * nll + smoothing * uniform)
    grad = np.exp(log_p)
    grad -= smoothing / c
    grad[labels, cols] -= 1 - smoothing
    grad /= m
    return float(loss), grad
