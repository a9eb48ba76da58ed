# expect: passed | passed
import numpy as np


def bce_with_logits(z, y):
    # y = 1: log(1 + e^-z) = softplus(-z); y = 0: log(1 + e^z) = softplus(z)
    signed = np.where(y == 1, -z, z)
    per = np.logaddexp(0.0, signed)
    sig = np.exp(-np.logaddexp(0.0, -z))
    return float(per.mean()), (sig - y) / z.size
