# expect: failed | sqrt(n_k * d_k)
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # the scale taken from K's last two axes together, sqrt(n_k * d_k), as if it were the
    # "size of the keys"
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(K.shape[-1] * K.shape[-2])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
