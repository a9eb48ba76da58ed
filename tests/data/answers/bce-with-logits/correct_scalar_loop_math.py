# expect: passed | passed all
import math

import numpy as np


def bce_with_logits(z, y):
    # one entry at a time with the math module, the loss summed in a Python float
    dz = np.empty(z.shape)
    total = 0.0
    for idx in np.ndindex(z.shape):
        a, t = float(z[idx]), float(y[idx])
        total += max(a, 0.0) - a * t + math.log1p(math.exp(-abs(a)))
        p = 1.0 / (1.0 + math.exp(-a)) if a >= 0 else math.exp(a) / (1.0 + math.exp(a))
        dz[idx] = (p - t) / z.size
    return total / z.size, dz
