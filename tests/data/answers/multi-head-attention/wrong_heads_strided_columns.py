# expect: failed | M.reshape(T, dh, n_heads) gives head h every n_heads-th column
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads

    def split(M):
        # head h takes every n_heads-th column, not a block of dh columns
        return M.reshape(T, dh, n_heads).transpose(2, 0, 1)

    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(1, 0, 2).reshape(T, d_model) @ Wo
