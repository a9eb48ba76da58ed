# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.einsum("...qd,...kd->...qk", Q, K) / np.sqrt(Q.shape[-1])
    if mask is None:
        mask = np.ones(scores.shape, dtype=bool)
    mask = np.broadcast_to(mask, scores.shape)
    # shift by the largest allowed score only; masked entries never reach exp
    top = np.max(scores, axis=-1, keepdims=True, where=mask, initial=-np.inf)
    e = np.zeros(scores.shape)
    np.exp(scores - top, out=e, where=mask)
    weights = e / e.sum(axis=-1, keepdims=True)
    return np.einsum("...qk,...kd->...qd", weights, V), weights
