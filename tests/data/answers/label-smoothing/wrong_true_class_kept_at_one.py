# expect: failed | the true class's target stayed 1 while the others got smoothing/c
# q[label] = 1 overwrites the true class, so the targets sum to more than 1
import numpy as np
def smoothed_cross_entropy(logits, labels, smoothing=0.1):
    c, m = logits.shape
    q = np.full((c, m), smoothing / c)
    q[labels, np.arange(m)] = 1.0
    s = logits - logits.max(axis=0, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=0, keepdims=True))
    return float(-np.sum(q * log_p) / m), (np.exp(log_p) - q) / m
