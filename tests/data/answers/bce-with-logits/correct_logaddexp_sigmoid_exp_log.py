# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    loss = np.mean(np.logaddexp(0.0, z) - z * y)
    dz = np.exp(-np.logaddexp(0.0, -z)) - y
    return float(loss), dz / z.size
