# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    mx = logits.max(axis=0)
    lse = mx + np.log(np.exp(logits - mx).sum(axis=0))
    logp = logits - lse
    true_lp = np.take_along_axis(logp, labels[None, :], axis=0)[0]
    loss = -((1 - smoothing) * true_lp + smoothing / c * logp.sum(axis=0)).mean()
    p = np.exp(logp)
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1 - smoothing
    return float(loss), (p - q) / m
