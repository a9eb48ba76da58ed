# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    concat = np.empty((T, d_model))
    future = np.triu(np.ones((T, T), dtype=bool), k=1)
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s[future] = -np.inf
        s -= s.max(axis=1).reshape(-1, 1)
        w = np.exp(s)
        w /= w.sum(axis=1).reshape(-1, 1)
        concat[:, c] = w @ V[:, c]
    return concat @ Wo
