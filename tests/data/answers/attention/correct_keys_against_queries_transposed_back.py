# expect: passed | passed all
# K @ Q^T is the transpose of the scores: transposed back, it is Q @ K^T
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    by_key = K @ np.swapaxes(Q, -1, -2) / np.sqrt(K.shape[-1])
    scores = np.swapaxes(by_key, -1, -2)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return np.einsum("...qk,...kv->...qv", w, V), w
