# expect: passed | passed all
import numpy as np


def _softmax_rows(s):
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    outs = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        s = Q[:, cols] @ K[:, cols].T / dh**0.5
        if causal:
            s = s + np.triu(np.full((T, T), -np.inf), k=1)
        outs.append(_softmax_rows(s) @ V[:, cols])
    return np.concatenate(outs, axis=1) @ Wo
