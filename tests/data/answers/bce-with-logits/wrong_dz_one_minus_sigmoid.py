# expect: failed | dz uses 1 - sigmoid(z), which is sigmoid(-z)
import numpy as np


def bce_with_logits(z, y):
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    loss = np.maximum(z, 0) - z * y + np.log1p(e)
    return float(loss.mean()), ((1 - p) - y) / z.size
