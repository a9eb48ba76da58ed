# expect: passed | passed
import math

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / math.sqrt(Q.shape[-1])
    if mask is None:
        allowed = np.ones(scores.shape, dtype=bool)
    else:
        allowed = np.broadcast_to(np.asarray(mask, dtype=bool), scores.shape)
    flat = scores.reshape(-1, scores.shape[-1])
    keep = allowed.reshape(-1, scores.shape[-1])
    weights = np.zeros_like(flat)
    for r in range(flat.shape[0]):
        row = flat[r, keep[r]]
        top = row.max()
        lse = top + math.log(np.exp(row - top).sum())
        weights[r, keep[r]] = np.exp(row - lse)
    weights = weights.reshape(scores.shape)
    return weights @ V, weights
