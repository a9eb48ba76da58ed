# expect: failed | sigmoid(z) was clipped to [1e-12, 1 - 1e-12] in dz
import numpy as np


def bce_with_logits(z, y):
    loss = np.mean(np.logaddexp(0.0, z) - z * y)
    p = np.clip(1.0 / (1.0 + np.exp(-np.clip(z, -700, 700))), 1e-12, 1 - 1e-12)
    return float(loss), (p - y) / z.size
