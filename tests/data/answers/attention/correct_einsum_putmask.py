# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = np.einsum("...qd,...kd->...qk", Q, K) * (1.0 / np.sqrt(Q.shape[-1]))
    if mask is not None:
        keep = np.broadcast_to(np.asarray(mask, dtype=bool), scores.shape)
        np.putmask(scores, ~keep, -np.inf)
    top = np.max(scores, axis=-1, keepdims=True)
    e = np.exp(scores - top)
    weights = e / np.einsum("...k->...", e)[..., np.newaxis]
    return np.einsum("...qk,...kd->...qd", weights, V), weights
