# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    s = np.einsum("...id,...jd->...ij", Q, K) * Q.shape[-1] ** -0.5
    if mask is not None:
        s = np.where(mask, s, -np.inf)
    top = s.max(axis=-1, keepdims=True)
    lse = top + np.log(np.sum(np.exp(s - top), axis=-1, keepdims=True))
    w = np.exp(s - lse)
    return np.einsum("...ij,...jd->...id", w, V), w
