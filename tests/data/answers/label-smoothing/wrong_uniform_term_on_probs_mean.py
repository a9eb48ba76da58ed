# expect: failed | q sums to less than 1
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    z = logits - logits.max(axis=0)
    logp = z - np.log(np.exp(z).sum(axis=0))
    nll = -logp[labels, np.arange(m)]
    smooth = -logp.mean(axis=0)
    loss = ((1 - smoothing) * nll + smoothing * smooth).mean()
    p = np.exp(logp)
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] = 1 - smoothing
    return float(loss), (p - q) / m
