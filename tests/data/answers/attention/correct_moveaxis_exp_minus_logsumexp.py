# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    """matmul with .mT-style swap, softmax written as exp(x - logsumexp)."""
    d_k = Q.shape[-1]
    scores = np.matmul(Q / np.sqrt(d_k), np.moveaxis(K, -1, -2))
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -np.inf)
    top = np.max(scores, axis=-1, keepdims=True)
    lse = top + np.log(np.sum(np.exp(scores - top), axis=-1, keepdims=True))
    weights = np.exp(scores - lse)
    return np.matmul(weights, V), weights
