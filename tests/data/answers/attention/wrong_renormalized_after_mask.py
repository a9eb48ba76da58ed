# expect: failed | numpy reported invalid value during the call
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # softmax over every key, then the masked weights zeroed and each row renormalized:
    # the same weights in exact arithmetic, but the allowed keys can underflow to 0
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * mask
        weights = weights / weights.sum(axis=-1, keepdims=True)
    return weights @ V, weights
