# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # every leading axis folded into one batch axis, and the original ones put back at the end
    lead = np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    n_q, d_k = Q.shape[-2:]
    n_k, d_v = K.shape[-2], V.shape[-1]
    q = np.broadcast_to(Q, lead + (n_q, d_k)).reshape(-1, n_q, d_k)
    k = np.broadcast_to(K, lead + (n_k, d_k)).reshape(-1, n_k, d_k)
    v = np.broadcast_to(V, lead + (n_k, d_v)).reshape(-1, n_k, d_v)
    scores = np.einsum("bqd,bkd->bqk", q, k) / np.sqrt(d_k)
    if mask is not None:
        allowed = np.broadcast_to(mask, lead + (n_q, n_k)).reshape(-1, n_q, n_k)
        scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    weights = e / e.sum(axis=-1, keepdims=True)
    out = np.einsum("bqk,bkd->bqd", weights, v)
    return out.reshape(lead + (n_q, d_v)), weights.reshape(lead + (n_q, n_k))
