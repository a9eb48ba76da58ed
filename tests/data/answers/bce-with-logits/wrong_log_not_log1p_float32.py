# expect: failed | float32
import numpy as np


def bce_with_logits(z, y):
    z32 = z.astype(np.float32)
    loss = np.mean(np.maximum(z32, 0) - z32 * y + np.log(1 + np.exp(-np.abs(z32))))
    e = np.exp(-np.abs(z))
    sig = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(loss), (sig - y) / z.size
