# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    # (d, T) rows regrouped per head, then back to (heads, T, dh)
    Q, K, V = (M.T.reshape(n_heads, dh, T).transpose(0, 2, 1) for M in (X @ Wq, X @ Wk, X @ Wv))
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    a = np.exp(s)
    a = a / a.sum(axis=-1, keepdims=True)
    return (a @ V).transpose(1, 0, 2).reshape(T, d) @ Wo
