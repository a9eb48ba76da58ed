# expect: failed | the softmax divides by the sum over every entry
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads

    def heads(M):
        return (X @ M).reshape(T, n_heads, dh).transpose(1, 0, 2)  # (H, T, dh)

    Q, K, V = heads(Wq), heads(Wk), heads(Wv)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum()
    out = (w @ V).transpose(1, 0, 2).reshape(T, d)
    return out @ Wo
