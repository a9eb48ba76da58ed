# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads

    def heads(M):
        # (d_model, T) rows h*dh .. h*dh+dh-1 are head h's features
        return (X @ M).T.reshape(n_heads, dh, T).transpose(0, 2, 1)

    Q, K, V = heads(Wq), heads(Wk), heads(Wv)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.arange(T)[None, :] <= np.arange(T)[:, None], s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w = w / w.sum(axis=-1, keepdims=True)
    out = w @ V  # (n_heads, T, dh)
    return out.transpose(0, 2, 1).reshape(d_model, T).T @ Wo
