# expect: failed | the softmax runs over the queries
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q = (X @ Wq).reshape(T, n_heads, dh).transpose(1, 0, 2)
    K = (X @ Wk).reshape(T, n_heads, dh).transpose(1, 0, 2)
    V = (X @ Wv).reshape(T, n_heads, dh).transpose(1, 0, 2)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    # normalized down each column (over the queries), not along each query's row of keys
    s = s - s.max(axis=1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=1, keepdims=True)
    return (w @ V).transpose(1, 0, 2).reshape(T, d) @ Wo
