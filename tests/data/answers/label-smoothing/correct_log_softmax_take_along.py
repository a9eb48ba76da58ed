# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    z = logits - logits.max(axis=0, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=0, keepdims=True))
    # loss = (1 - s) * (-log p_true) + s * mean over classes of (-log p)
    nll = -np.take_along_axis(log_p, labels[None, :], axis=0)[0]
    uniform = -log_p.mean(axis=0)
    loss = np.mean((1.0 - smoothing) * nll + smoothing * uniform)
    q = np.full((c, m), smoothing / c)
    np.put_along_axis(q, labels[None, :], 1.0 - smoothing + smoothing / c, axis=0)
    return float(loss), (np.exp(log_p) - q) / m
