# expect: failed | the softmax runs over the queries
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    q = (X @ Wq).reshape(T, n_heads, dh)
    k = (X @ Wk).reshape(T, n_heads, dh)
    v = (X @ Wv).reshape(T, n_heads, dh)
    s = np.einsum("qhd,khd->hqk", q, k) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    # normalized over axis=-2: the scores are T x T, so the shape gives no sign of it
    s = s - s.max(axis=-2, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-2, keepdims=True)
    heads = np.einsum("hqk,khd->qhd", w, v)
    return heads.reshape(T, d_model) @ Wo
