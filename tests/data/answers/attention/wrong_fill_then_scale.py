# expect: failed | allowed scores reach only
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    raw = np.einsum("...qd,...kd->...qk", Q, K)
    if mask is not None:
        raw = np.where(mask, raw, -10000.0)
    scores = raw / np.sqrt(Q.shape[-1])
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return np.einsum("...qk,...kv->...qv", w, V), w
