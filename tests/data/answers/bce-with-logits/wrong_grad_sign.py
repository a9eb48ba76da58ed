# expect: failed | dz has the wrong sign
import numpy as np


def bce_with_logits(z, y):
    a = np.exp(-np.abs(z))
    per = np.maximum(z, 0.0) - z * y + np.log1p(a)
    sig = np.where(z >= 0, 1.0 / (1.0 + a), a / (1.0 + a))
    return float(per.mean()), (y - sig) / z.size
