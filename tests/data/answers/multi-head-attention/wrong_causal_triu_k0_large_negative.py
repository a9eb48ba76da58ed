# expect: failed | leaves out the diagonal
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    outs = []
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s = np.where(np.triu(np.ones((T, T)), k=0) == 1, -1e9, s)
        s = s - s.max(1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(1, keepdims=True)
        outs.append(a @ V[:, c])
    return np.concatenate(outs, axis=1) @ Wo
