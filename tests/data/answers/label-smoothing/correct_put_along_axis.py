# expect: passed | passed all
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    z = logits.T  # (m, c): one row per example
    lse = np.logaddexp.reduce(z, axis=1, keepdims=True)
    log_p = z - lse
    target = np.full_like(z, smoothing / c)
    np.put_along_axis(target, labels[:, None], 1 - smoothing + smoothing / c, axis=1)
    loss = -np.einsum("ij,ij->", target, log_p) / m
    return loss, ((np.exp(log_p) - target) / m).T
