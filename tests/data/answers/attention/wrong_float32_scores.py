# expect: failed | the precision of float32
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = (Q.astype(np.float32) @ np.swapaxes(K, -1, -2).astype(np.float32)).astype(np.float64)
    scores /= np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=-1, keepdims=True)
    return w @ V, w
