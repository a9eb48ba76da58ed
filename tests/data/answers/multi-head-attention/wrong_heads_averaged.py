# expect: failed | the heads' attention weights were averaged
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    weights = np.zeros((T, T))
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        a = np.exp(s - s.max(axis=1, keepdims=True))
        weights += a / a.sum(axis=1, keepdims=True) / n_heads
    return (weights @ V) @ Wo  # one averaged attention pattern applied to all of V
