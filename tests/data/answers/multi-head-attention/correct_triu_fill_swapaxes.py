# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads

    def split(M):
        return np.swapaxes((X @ M).reshape(T, n_heads, dh), 0, 1)  # (heads, T, dh)

    Q, K, V = split(Wq), split(Wk), split(Wv)
    s = Q @ np.swapaxes(K, 1, 2) / np.sqrt(dh)
    if causal:
        future = np.triu(np.ones((T, T)), k=1).astype(bool)
        s[:, future] = -1e30
    s = s - s.max(-1, keepdims=True)
    w = np.exp(s)
    w = w / w.sum(-1, keepdims=True)
    out = np.swapaxes(w @ V, 0, 1).reshape(T, d)
    return out @ Wo
