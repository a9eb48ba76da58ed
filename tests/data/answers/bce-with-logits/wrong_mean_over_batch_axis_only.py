# expect: failed | averaged over that axis only
import numpy as np


def bce_with_logits(z, y):
    terms = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    sig = np.where(
        z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z)))
    )
    m = z.shape[-1]
    return float(np.sum(terms) / m), (sig - y) / m
