# expect: failed | the heads were cut from M.T by reshape(n_heads, T, dh)
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads

    def heads(M):
        # transpose to features-first, then cut into heads (forgets to go back to (T, dh))
        return (X @ M).T.reshape(n_heads, T, dh)

    Q, K, V = heads(Wq), heads(Wk), heads(Wv)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w = w / w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(1, 0, 2).reshape(T, d_model) @ Wo
