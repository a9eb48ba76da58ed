# expect: failed | np.mean over all c*m entries divides by c
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    z = logits - logits.max(axis=0)
    logp = z - np.log(np.exp(z).sum(axis=0))
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1 - smoothing
    loss = -np.mean(q * logp)
    return float(loss), (np.exp(logp) - q) / m
