# expect: passed | passed
import numpy as np


def masked_softmax(scores, mask):
    # masked scores replaced by -1e6, as a textbook's masked softmax does
    if mask is not None:
        scores = np.where(np.broadcast_to(mask, scores.shape), scores, -1e6)
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    return e / e.sum(axis=-1, keepdims=True)


def scaled_dot_product_attention(Q, K, V, mask=None):
    d = Q.shape[-1]
    weights = masked_softmax(np.matmul(Q, np.swapaxes(K, -2, -1)) / np.sqrt(d), mask)
    return np.matmul(weights, V), weights
