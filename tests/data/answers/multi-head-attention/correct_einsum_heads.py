# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    q = np.einsum("td,de->te", X, Wq).reshape(T, n_heads, dh)
    k = np.einsum("td,de->te", X, Wk).reshape(T, n_heads, dh)
    v = np.einsum("td,de->te", X, Wv).reshape(T, n_heads, dh)
    s = np.einsum("thd,uhd->htu", q, k) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    a = np.exp(s)
    a /= a.sum(axis=-1, keepdims=True)
    heads = np.einsum("htu,uhd->thd", a, v).reshape(T, d)
    return heads @ Wo
