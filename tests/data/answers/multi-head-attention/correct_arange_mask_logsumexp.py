# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    q = (X @ Wq).reshape(T, n_heads, dh).swapaxes(0, 1)
    k = (X @ Wk).reshape(T, n_heads, dh).swapaxes(0, 1)
    v = (X @ Wv).reshape(T, n_heads, dh).swapaxes(0, 1)
    s = np.einsum("htd,hsd->hts", q, k) / np.sqrt(dh)
    if causal:
        allowed = np.arange(T)[:, None] >= np.arange(T)[None, :]
        s = np.where(allowed, s, -np.inf)
    top = s.max(axis=-1, keepdims=True)
    w = np.exp(s - top - np.log(np.sum(np.exp(s - top), axis=-1, keepdims=True)))
    heads = np.einsum("hts,hsd->thd", w, v).reshape(T, d_model)
    return np.einsum("ti,io->to", heads, Wo)
