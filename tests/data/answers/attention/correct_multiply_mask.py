# expect: passed | passed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    s = Q @ K.swapaxes(-1, -2) / np.sqrt(Q.shape[-1])
    if mask is None:
        keep = np.ones(s.shape, dtype=bool)
    else:
        keep = np.broadcast_to(mask, s.shape)
    # max over the allowed keys only, then zero the exponentials of the others
    top = np.where(keep, s, -np.inf).max(axis=-1, keepdims=True)
    e = np.exp(np.where(keep, s - top, 0.0)) * keep
    w = e / e.sum(axis=-1, keepdims=True)
    return np.einsum("...qk,...kd->...qd", w, V), w
