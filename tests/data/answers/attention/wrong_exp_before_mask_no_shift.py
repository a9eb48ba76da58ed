# expect: failed | numpy reported overflow
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # mask applied after the softmax and renormalized: right in exact arithmetic, but the
    # exp of a masked huge score still overflows before the mask can drop it
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    w = np.exp(scores)
    if mask is not None:
        w = w * mask
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
