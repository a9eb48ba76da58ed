# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(query, key, value, attn_mask=None):
    scores = np.einsum("...qd,...kd->...qk", query, key) / np.sqrt(query.shape[-1])
    if attn_mask is not None:
        scores = np.where(attn_mask, scores, -np.inf)
    np.subtract(scores, scores.max(axis=-1, keepdims=True), out=scores)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return [np.einsum("...qk,...kv->...qv", scores, value), scores]
