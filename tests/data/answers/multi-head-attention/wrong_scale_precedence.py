# expect: failed | the scores are divided by d_model / n_heads**0.5
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    # meant sqrt(d_model / n_heads); ** binds tighter than /
    scale = d_model / n_heads**0.5
    Q, K, V = (M.reshape(T, n_heads, dh).transpose(1, 0, 2) for M in (X @ Wq, X @ Wk, X @ Wv))
    scores = np.einsum("htd,hsd->hts", Q, K) / scale
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    heads = np.einsum("hts,hsd->htd", e / e.sum(axis=-1, keepdims=True), V)
    return heads.transpose(1, 0, 2).reshape(T, d_model) @ Wo
