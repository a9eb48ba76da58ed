# expect: failed | masked weights must be exactly 0
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = np.einsum("...qd,...kd->...qk", Q, K) / np.sqrt(d_k)
    if mask is not None:
        # masked scores filled with 0, as for padding: exp(0 - max) is no zero weight
        scores = np.where(mask, scores, 0.0)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=-1, keepdims=True)
    return np.einsum("...qk,...kd->...qd", w, V), w
