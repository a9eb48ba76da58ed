# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    out = np.zeros((T, d))
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s[np.triu_indices(T, k=1)] = -1e30  # exp underflows to exactly 0
        s -= s.max(axis=1, keepdims=True)
        with np.errstate(under="ignore"):
            a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        out[:, c] = a @ V[:, c]
    return out @ Wo
