# expect: failed | the boolean mask was added to the scores (True adds 1, False adds 0)
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # the boolean mask added to the scores, as if it were already an additive bias
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = scores + mask
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
