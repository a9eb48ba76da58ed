# expect: passed | passed all
import math

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.einsum("...qd,...kd->...qk", Q / math.sqrt(Q.shape[-1]), K)
    if mask is not None:
        scores = scores.copy()
        full = np.broadcast_to(mask, scores.shape)
        scores[~full] = -1e30  # exp(-1e30 - max) underflows to exactly 0
    m = np.max(scores, axis=-1, keepdims=True)
    e = np.exp(scores - m)
    weights = e / np.sum(e, axis=-1, keepdims=True)
    out = np.einsum("...qk,...kv->...qv", weights, V)
    return out, weights
