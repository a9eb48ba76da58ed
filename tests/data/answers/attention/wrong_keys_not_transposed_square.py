# expect: failed | K is not transposed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ K / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
