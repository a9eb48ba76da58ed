# expect: failed | averaged into one pattern and applied to all of V
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # the heads' weights applied to all of V, then averaged over the heads: only the
    # queries and keys were split
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    total = np.zeros((T, d_model))
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        total += e / e.sum(axis=1, keepdims=True) @ V
    return total / n_heads @ Wo
