# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads

    def split(M):
        return M.reshape(T, n_heads, dh).transpose(1, 0, 2)

    q, k, v = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    s = (q @ k.transpose(0, 2, 1) / np.sqrt(dh)).astype(np.longdouble)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    e = np.exp(s - s.max(axis=-1, keepdims=True))  # shifted: the wider type is harmless
    w = (e / e.sum(axis=-1, keepdims=True)).astype(np.float64)
    return (w @ v).transpose(1, 0, 2).reshape(T, d_model) @ Wo
