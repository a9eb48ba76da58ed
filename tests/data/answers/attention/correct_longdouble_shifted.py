# expect: passed | passed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # a wider type is fine once each row's max is subtracted
    scores = (Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])).astype(np.longdouble)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = (e / e.sum(axis=-1, keepdims=True)).astype(np.float64)
    return weights @ V, weights
