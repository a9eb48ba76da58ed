# expect: passed | passed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.einsum("...qd,...kd->...qk", Q, K) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    top = np.max(scores, axis=-1, keepdims=True)
    with np.errstate(under="ignore"):
        w = np.exp(scores - top)
    w /= np.sum(w, axis=-1, keepdims=True)
    return np.einsum("...qk,...kd->...qd", w, V), w
