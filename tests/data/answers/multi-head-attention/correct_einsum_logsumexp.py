# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    q = (X @ Wq).reshape(T, n_heads, dh)
    k = (X @ Wk).reshape(T, n_heads, dh)
    v = (X @ Wv).reshape(T, n_heads, dh)
    s = np.einsum("thd,uhd->htu", q, k) / np.sqrt(dh)
    if causal:
        s = np.where(np.arange(T)[None, :, None] >= np.arange(T)[None, None, :], s, -np.inf)
    top = s.max(axis=-1, keepdims=True)
    lse = top + np.log(np.exp(s - top).sum(axis=-1, keepdims=True))
    a = np.exp(s - lse)
    out = np.einsum("htu,uhd->thd", a, v).reshape(T, d)
    return out @ Wo
