# expect: failed | head h was projected from its own dh input features only
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    outs = []
    for h in range(n_heads):
        # splits the input features instead of the projected columns
        rows = slice(h * dh, (h + 1) * dh)
        q, k, v = X[:, rows] @ Wq[rows, rows], X[:, rows] @ Wk[rows, rows], X[:, rows] @ Wv[rows, rows]
        s = q @ k.T / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        outs.append(a @ v)
    return np.concatenate(outs, axis=1) @ Wo
