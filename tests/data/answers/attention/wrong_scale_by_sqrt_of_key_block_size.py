# expect: failed | sqrt(n_k * d_k)
import math

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    n_k, d_k = K.shape[-2:]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) * (1.0 / math.sqrt(n_k * d_k))
    if mask is not None:
        scores[~np.broadcast_to(mask, scores.shape)] = -np.inf
    scores -= scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=-1, keepdims=True)
    return w @ V, w
