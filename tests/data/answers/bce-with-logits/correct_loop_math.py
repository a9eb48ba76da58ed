# expect: passed | passed all
import math

import numpy as np


def bce_with_logits(z, y):
    total = 0.0
    grad = np.empty(z.shape)
    for idx, zi in np.ndenumerate(z):
        yi = float(y[idx])
        total += max(zi, 0.0) - zi * yi + math.log1p(math.exp(-abs(zi)))
        if zi >= 0:
            s = 1.0 / (1.0 + math.exp(-zi))
        else:
            e = math.exp(zi)
            s = e / (1.0 + e)
        grad[idx] = (s - yi) / z.size
    return total / z.size, grad
