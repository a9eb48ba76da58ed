# expect: failed | averaged over that axis only
import numpy as np


def bce_with_logits(z, y):
    a = np.exp(-np.abs(z))
    per = np.maximum(z, 0.0) - z * y + np.log1p(a)
    sig = np.where(z >= 0, 1.0 / (1.0 + a), a / (1.0 + a))
    m = z.shape[-1]
    # averaged over the examples of the last axis only, summed over the rest
    return float(per.sum() / m), (sig - y) / m
