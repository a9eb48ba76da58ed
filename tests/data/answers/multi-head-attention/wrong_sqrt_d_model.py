# expect: failed | the scores are divided by sqrt(d_model)
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads

    def split(M):
        return M.reshape(T, n_heads, dh).transpose(1, 0, 2)

    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(d_model)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=-1, keepdims=True)
    heads = w @ V  # (n_heads, T, dh)
    return heads.transpose(1, 0, 2).reshape(T, d_model) @ Wo
