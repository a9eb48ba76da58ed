# expect: failed | dh was a float, d_model / n_heads
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d / n_heads

    def split(M):
        return (X @ M).reshape(T, n_heads, dh).transpose(1, 0, 2)

    q, k, v = split(Wq), split(Wk), split(Wv)
    s = q @ k.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(1, 0, 2).reshape(T, d) @ Wo
