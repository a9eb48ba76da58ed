# expect: failed | rather than multiplying exp results by the mask
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    # shift by the max over all keys, masked ones included: a masked key far above the
    # allowed ones makes every allowed exp underflow to 0
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    if mask is not None:
        e = e * mask
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
