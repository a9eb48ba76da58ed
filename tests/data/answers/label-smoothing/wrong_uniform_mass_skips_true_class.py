# expect: failed | the true class's target is 1 - smoothing
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # smoothing / c given to the wrong classes only: the true class keeps 1 - smoothing,
    # so q no longer sums to 1
    c, m = logits.shape
    one_hot = np.zeros((c, m))
    one_hot[labels, np.arange(m)] = 1.0
    q = (1.0 - smoothing) * one_hot + (1.0 - one_hot) * smoothing / c
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=0, keepdims=True))
    loss = -np.sum(q * log_p) / m
    return loss, (np.exp(log_p) - q) / m
