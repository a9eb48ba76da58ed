# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.einsum("...qd,...kd->...qk", Q, K) / np.sqrt(Q.shape[-1])
    keep = np.ones(scores.shape, dtype=bool) if mask is None else np.broadcast_to(mask, scores.shape)
    top = np.max(np.where(keep, scores, -np.inf), axis=-1, keepdims=True)
    e = np.where(keep, np.exp(np.where(keep, scores - top, 0.0)), 0.0)
    weights = e / e.sum(axis=-1, keepdims=True)
    return np.einsum("...qk,...kd->...qd", weights, V), weights
