# expect: failed | the loss is the KL divergence KL(q || p)
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = np.sum(q * (np.log(q) - log_p)) / m  # KL(q || p), as KLDivLoss
    return float(loss), (np.exp(log_p) - q) / m
