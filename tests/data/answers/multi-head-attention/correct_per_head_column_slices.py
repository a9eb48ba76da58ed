# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        s = Q[:, cols] @ K[:, cols].T / np.sqrt(dh)
        if causal:
            s = s + np.triu(np.full((T, T), -np.inf), k=1)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        heads.append(a @ V[:, cols])
    return np.hstack(heads) @ Wo
