# expect: failed | a batch axis of size 1 was added in front (axis 0, before n_q) and not removed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # 2-D inputs are given a batch axis so that one batched path serves both...
    if Q.ndim == 2:
        Q, K, V = Q[None], K[None], V[None]
    scores = np.matmul(Q, np.swapaxes(K, -1, -2)) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = e / e.sum(axis=-1, keepdims=True)
    # ...and the axis is never taken off again
    return np.matmul(weights, V), weights
