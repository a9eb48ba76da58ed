# expect: failed | the loss should be a single number
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))
    terms = np.maximum(z, 0) - z * y + np.log1p(e)
    sig = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return terms.mean(axis=-1), (sig - y) / z.size
