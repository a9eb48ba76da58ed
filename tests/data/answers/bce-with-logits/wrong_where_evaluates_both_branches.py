# expect: failed | or in a branch of np.where, which is computed for every entry
import numpy as np


def bce_with_logits(z, y):
    p = np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))
    loss = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(loss.mean()), (p - y) / z.size
