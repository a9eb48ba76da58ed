# expect: failed | averaged over that axis only
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))
    sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    per = np.maximum(z, 0) - z * y + np.log1p(e)
    m = z.shape[-1]
    return float(per.sum() / m), (sig - y) / m
