# expect: passed | passed all
import math

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = np.einsum("...qd,...kd->...qk", Q, K) / math.sqrt(d_k)
    if mask is not None:
        scores = scores + np.where(mask, 0.0, -np.inf)
    m = np.max(scores, axis=-1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(scores - m), axis=-1, keepdims=True))
    weights = np.exp(scores - lse)
    return np.einsum("...qk,...kv->...qv", weights, V), weights
