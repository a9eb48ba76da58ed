# expect: failed | matches in float32 precision only
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = (Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])).astype(np.float32)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return (w @ V).astype(np.float64), w.astype(np.float64)
