# expect: failed | sigmoid(z) was clipped to [1e-07, 1 - 1e-07] in dz
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))
    terms = np.maximum(z, 0) - z * y + np.log1p(e)
    sig = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    sig = np.clip(sig, 1e-7, 1 - 1e-7)
    return float(np.mean(terms)), (sig - y) / z.size
