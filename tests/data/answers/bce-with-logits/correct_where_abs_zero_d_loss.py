# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))  # never overflows, so both np.where branches are safe
    per = np.where(z >= 0, z * (1.0 - y), -z * y) + np.log1p(e)
    sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return np.asarray(per.mean()), (sig - y) / z.size  # the loss as a 0-d array
