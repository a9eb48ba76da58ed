# expect: failed | the same numbers come from |z| written for max(z, 0)
import numpy as np


def bce_with_logits(z, y):
    # max(z, 0) remembered as |z|
    loss = np.abs(z) - z * y + np.log1p(np.exp(-np.abs(z)))
    sig = np.where(z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))))
    return float(loss.mean()), (sig - y) / z.size
