# expect: failed | numpy reported overflow
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    e = np.exp(scores)
    if mask is not None:
        e = np.where(mask, e, 0.0)
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
