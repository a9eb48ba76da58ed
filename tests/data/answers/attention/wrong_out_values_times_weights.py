# expect: failed | (rows are the n_q queries here, columns the d_v value features: got (d_v, n_q))
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # the product written from the values' side, V^T W^T, and returned as it came: (d_v, n_q)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    out = np.swapaxes(V, -1, -2) @ np.swapaxes(weights, -1, -2)
    return out, weights
