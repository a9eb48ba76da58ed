# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    q = np.einsum("td,dhe->hte", X, Wq.reshape(d, n_heads, dh))
    k = np.einsum("td,dhe->hte", X, Wk.reshape(d, n_heads, dh))
    v = np.einsum("td,dhe->hte", X, Wv.reshape(d, n_heads, dh))
    s = np.einsum("hte,hse->hts", q, k) / np.sqrt(dh)
    if causal:
        s = np.where(np.arange(T)[None, :] <= np.arange(T)[:, None], s, -np.inf)
    s = np.exp(s - s.max(axis=-1, keepdims=True))
    a = s / s.sum(axis=-1, keepdims=True)
    heads = np.einsum("hts,hse->the", a, v).reshape(T, d)
    return heads @ Wo
