# expect: failed | the loss and dz are right, but an exponential overflowed
import numpy as np


def bce_with_logits(z, y):
    loss = np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))
    p = 1.0 / (1.0 + np.exp(-z))
    return float(loss), (p - y) / z.size
