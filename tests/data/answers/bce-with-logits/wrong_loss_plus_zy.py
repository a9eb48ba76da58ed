# expect: failed | the z*y term has the wrong sign
import numpy as np


def bce_with_logits(z, y):
    loss = np.maximum(z, 0) + z * y + np.log1p(np.exp(-np.abs(z)))
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return float(loss.mean()), (p - y) / z.size
