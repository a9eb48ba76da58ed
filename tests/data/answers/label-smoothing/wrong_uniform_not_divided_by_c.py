# expect: failed | each class gets smoothing/c, not smoothing
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # the uniform part added as smoothing to every class, without the 1/c
    c, m = logits.shape
    one_hot = np.zeros((c, m))
    one_hot[labels, np.arange(m)] = 1.0
    q = (1.0 - smoothing) * one_hot + smoothing
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    loss = -np.sum(q * log_p) / m
    return loss, (np.exp(log_p) - q) / m
