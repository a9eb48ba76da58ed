# expect: failed | smoothing/c was added to the one-hot without scaling it by (1 - smoothing)
# the uniform share added on top of an unscaled one-hot
import numpy as np
def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.eye(c)[:, labels] + smoothing / c
    s = logits - logits.max(axis=0, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=0, keepdims=True))
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
