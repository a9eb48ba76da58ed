# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # (W V)^T = V^T W^T, computed that way round and turned back to (..., n_q, d_v)
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    out_t = np.swapaxes(V, -1, -2) @ np.swapaxes(weights, -1, -2)
    return np.swapaxes(out_t, -1, -2), weights
