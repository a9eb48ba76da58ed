# expect: failed | numpy reported divide by zero
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1 / (1 + e), e / (1 + e))  # a stable sigmoid...
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))  # ...then log of 0 at |z| = 1e4
    return float(loss), (p - y) / z.size
