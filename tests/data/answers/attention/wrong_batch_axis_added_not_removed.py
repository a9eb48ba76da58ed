# expect: failed | a batch axis of size 1 was added in front (axis 0, before n_q) and not removed
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # folds every leading axis into one batch axis, so 2-D inputs become (1, n, d)...
    n_q, d_k = Q.shape[-2:]
    n_k, d_v = K.shape[-2], V.shape[-1]
    q = Q.reshape(-1, n_q, d_k)
    k = np.broadcast_to(K, Q.shape[:-2] + K.shape[-2:]).reshape(-1, n_k, d_k)
    v = np.broadcast_to(V, Q.shape[:-2] + V.shape[-2:]).reshape(-1, n_k, d_v)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(d_k)
    if mask is not None:
        m = np.broadcast_to(mask, Q.shape[:-2] + (n_q, n_k)).reshape(-1, n_q, n_k)
        scores = np.where(m, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    weights = e / e.sum(axis=-1, keepdims=True)
    out = weights @ v
    # ...and reshapes back only when there was a batch axis to begin with
    if Q.ndim > 2:
        out = out.reshape(Q.shape[:-2] + (n_q, d_v))
        weights = weights.reshape(Q.shape[:-2] + (n_q, n_k))
    return out, weights
