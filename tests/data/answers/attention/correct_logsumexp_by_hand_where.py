# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    d_k = Q.shape[-1]
    s = np.matmul(Q, np.swapaxes(K, -1, -2)) * (1.0 / np.sqrt(d_k))
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    top = np.max(s, axis=-1)[..., None]
    lse = top + np.log(np.sum(np.exp(s - top), axis=-1, keepdims=True))
    w = np.exp(s - lse)
    return w @ V, w
