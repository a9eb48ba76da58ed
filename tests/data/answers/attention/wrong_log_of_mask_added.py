# expect: failed | an additive mask built as np.log(mask) does, at every False entry
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    if mask is not None:
        # the additive-mask trick: log(1) = 0 keeps a key, log(0) = -inf drops it
        scores = scores + np.log(mask.astype(np.float64))
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
