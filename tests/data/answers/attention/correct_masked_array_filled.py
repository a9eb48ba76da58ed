# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(Q.shape[-1])
    if mask is None:
        mask = np.ones(scores.shape, dtype=bool)
    allowed = np.broadcast_to(mask, scores.shape)
    top = np.max(np.where(allowed, scores, -np.inf), axis=-1, keepdims=True)
    e = np.zeros(scores.shape)
    np.exp(scores - top, out=e, where=allowed)
    weights = e / e.sum(axis=-1, keepdims=True)
    return np.matmul(weights, V), weights
