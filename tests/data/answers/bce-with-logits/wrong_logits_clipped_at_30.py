# expect: failed | the logits were clipped to [-30, 30] before the sigmoid
import numpy as np


def bce_with_logits(z, y):
    z = np.clip(z, -30, 30)
    p = 1 / (1 + np.exp(-z))
    loss = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(loss.mean()), (p - y) / z.size
