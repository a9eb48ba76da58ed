# expect: failed | the predictions were smoothed, not the targets
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    z = logits - logits.max(axis=0, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=0, keepdims=True)
    # smoothing the predictions instead of the targets
    p_s = (1 - smoothing) * p + smoothing / c
    one_hot = np.zeros((c, m))
    one_hot[labels, np.arange(m)] = 1.0
    loss = -np.sum(one_hot * np.log(p_s)) / m
    return float(loss), (p - one_hot) / m
