# expect: failed | even for large inputs: subtract each row's maximum score before exp
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    s = Q @ K.swapaxes(-1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        s = np.where(mask, s, -1e9)
    e = np.exp(s - s.min(axis=-1, keepdims=True))
    e = e * (mask if mask is not None else 1.0)
    w = e / e.sum(axis=-1, keepdims=True)
    return w @ V, w
