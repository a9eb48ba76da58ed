# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = np.dot(X, Wq), np.dot(X, Wk), np.dot(X, Wv)
    allowed = np.tril(np.ones((T, T), dtype=bool))
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        s = Q[:, cols] @ K[:, cols].T / dh**0.5
        if causal:
            s = np.where(allowed, s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        heads.append(a @ V[:, cols])
    return np.hstack(heads) @ Wo
