# expect: failed | lost its last axis (a reduction over the keys without keepdims=True)
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    shifted = scores - scores.max(axis=-1)[..., None]
    e = np.exp(shifted)
    weights = e / e.sum(axis=-1)
    return weights @ V, weights
