# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # projections stacked, split into heads on a new leading axis, attended, merged back
    T, d_model = X.shape
    d_k = d_model // n_heads
    qkv = np.stack([X @ Wq, X @ Wk, X @ Wv])  # (3, T, d_model)
    q, k, v = np.moveaxis(qkv.reshape(3, T, n_heads, d_k), 2, 1)  # each (n_heads, T, d_k)
    scores = np.einsum("htd,hsd->hts", q, k) / np.sqrt(d_k)
    if causal:
        future = np.triu(np.ones((T, T), dtype=bool), k=1)
        scores = np.where(future, -np.inf, scores)
    scores = scores - np.max(scores, axis=-1, keepdims=True)
    p = np.exp(scores)
    p = p / np.sum(p, axis=-1, keepdims=True)
    merged = np.einsum("hts,hsd->thd", p, v).reshape(T, d_model)
    return merged @ Wo
