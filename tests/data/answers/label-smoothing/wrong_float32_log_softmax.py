# expect: failed | float32
import numpy as np


def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] += 1.0 - smoothing
    # the log-softmax in float32, as a mixed-precision model computes it
    z = logits.astype(np.float32)
    shifted = z - z.max(axis=0, keepdims=True)
    log_p = (shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))).astype(np.float64)
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
