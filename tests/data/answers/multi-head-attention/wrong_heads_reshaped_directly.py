# expect: failed | the heads are split along the wrong axis
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q = (X @ Wq).reshape(n_heads, T, dh)
    K = (X @ Wk).reshape(n_heads, T, dh)
    V = (X @ Wv).reshape(n_heads, T, dh)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).reshape(T, d_model) @ Wo
