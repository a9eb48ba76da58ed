# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    a = np.abs(z)
    e = np.exp(-a)
    sig = np.empty_like(z)
    pos = z >= 0
    sig[pos] = 1.0 / (1.0 + e[pos])
    sig[~pos] = e[~pos] / (1.0 + e[~pos])
    loss = (np.maximum(z, 0) - z * y + np.log1p(e)).sum() / z.size
    return loss.item(), (sig - y) / z.size
