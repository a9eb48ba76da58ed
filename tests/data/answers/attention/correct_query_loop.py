# expect: passed | passed all
import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    # one query row at a time over flattened batch axes
    *batch, n_q, d_k = Q.shape
    n_k, d_v = K.shape[-2], V.shape[-1]
    q = Q.reshape(-1, n_q, d_k)
    k = K.reshape(-1, n_k, d_k)
    v = V.reshape(-1, n_k, d_v)
    full = None if mask is None else np.broadcast_to(mask, (*batch, n_q, n_k)).reshape(-1, n_q, n_k)
    out = np.zeros((q.shape[0], n_q, d_v))
    weights = np.zeros((q.shape[0], n_q, n_k))
    for b in range(q.shape[0]):
        for i in range(n_q):
            s = k[b] @ q[b, i] / np.sqrt(d_k)
            if full is not None:
                s = np.where(full[b, i], s, -np.inf)
            e = np.exp(s - s.max())
            w = e / e.sum()
            weights[b, i] = w
            out[b, i] = w @ v[b]
    return out.reshape(*batch, n_q, d_v), weights.reshape(*batch, n_q, n_k)
