# expect: passed | passed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # the 1 / sqrt(d_k) shared out as d_k**-0.25 on each side, so neither factor grows large
    root = Q.shape[-1] ** 0.25
    scores = np.einsum("...qd,...kd->...qk", Q / root, K / root)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    top = np.max(scores, axis=-1, keepdims=True)
    weights = np.exp(scores - top)
    weights /= np.sum(weights, axis=-1, keepdims=True)
    return np.einsum("...qk,...kv->...qv", weights, V), weights
