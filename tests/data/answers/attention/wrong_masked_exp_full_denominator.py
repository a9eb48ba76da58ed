# expect: failed | multiplied by the mask after the softmax
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    total = e.sum(axis=-1, keepdims=True)
    if mask is not None:
        e = np.where(mask, e, 0.0)
    w = e / total
    return w @ V, w
