# expect: failed | the weights follow a causal mask (query i attends to keys 0..i), not the mask given
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        n_q, n_k = scores.shape[-2:]
        causal = np.tril(np.ones((n_q, n_k), dtype=bool))
        scores = np.where(causal, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
