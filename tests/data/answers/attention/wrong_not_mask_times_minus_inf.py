# expect: failed | every allowed key's weight became NaN: an additive mask made by multiplying by -inf
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        # an additive mask built by multiplying: 0 * -inf is NaN on every allowed key
        scores = scores + (~mask) * -np.inf
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w
