# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # the queries scaled before the product; the mask turned into an additive float bias
    q = Q / np.sqrt(Q.shape[-1])
    scores = np.einsum("...qd,...kd->...qk", q, K)
    if mask is not None:
        bias = np.where(np.asarray(mask, dtype=bool), 0.0, -np.inf)
        scores = scores + bias
    scores -= scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return scores @ V, scores
