# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    a = np.exp(-np.abs(z))
    loss = np.maximum(z, 0.0) - z * y + np.log1p(a)
    sig = np.where(z >= 0, 1.0 / (1.0 + a), a / (1.0 + a))
    return float(loss.sum() / z.size), (sig - y) / z.size
