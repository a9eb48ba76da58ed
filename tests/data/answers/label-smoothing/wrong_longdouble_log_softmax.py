# expect: failed | numpy reported
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    # log-softmax without the max: long double's exp is finite up to about 11356, so 1e4 passed
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    wide = np.asarray(logits, dtype=np.longdouble)
    e = np.exp(wide)
    total = e.sum(axis=0, keepdims=True)
    loss = -np.sum(q * (wide - np.log(total))) / m
    return float(loss), ((e / total - q) / m).astype(np.float64)
