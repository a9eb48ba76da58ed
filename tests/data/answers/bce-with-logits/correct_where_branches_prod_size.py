# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))
    sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    per = np.clip(z, 0, None) - z * y + np.log1p(e)
    N = np.prod(z.shape)
    return per.sum() / N, (sig - y) / N
