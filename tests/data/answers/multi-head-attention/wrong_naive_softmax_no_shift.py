# expect: failed | numpy reported overflow
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    heads = []
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        e = np.exp(s)
        heads.append(e / e.sum(axis=1, keepdims=True) @ V[:, c])
    return np.hstack(heads) @ Wo
