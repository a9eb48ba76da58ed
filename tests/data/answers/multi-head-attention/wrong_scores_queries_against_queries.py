# expect: failed | in each head, K is not used: the scores are Q @ Q^T
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    out = np.zeros((T, d))
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, v = Q[:, cols], V[:, cols]
        s = q @ q.T / np.sqrt(dh)  # each query against the queries: K is never read
        if causal:
            s[np.triu_indices(T, 1)] = -np.inf
        w = np.exp(s - s.max(axis=1, keepdims=True))
        out[:, cols] = (w / w.sum(axis=1, keepdims=True)) @ v
    return out @ Wo
