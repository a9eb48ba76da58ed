# expect: passed | passed all
import numpy as np


def bce_with_logits(z, y):
    """sigmoid(z) = where(z >= 0, 1, e) / (1 + e) with e = exp(-|z|): one division."""
    e = np.exp(-np.abs(z))
    loss = np.sum(np.maximum(z, 0) - z * y + np.log1p(e)) / z.size
    sig = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return float(loss), (sig - y) / z.size
