# expect: failed | the scores are divided by dh, not by sqrt(dh)
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    """Each head's scores divided by d_head itself, not its square root."""
    T, d_model = X.shape
    dh = d_model // n_heads
    out = np.zeros((T, d_model))
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        Q, K, V = X @ Wq[:, cols], X @ Wk[:, cols], X @ Wv[:, cols]
        s = Q @ K.T / dh
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        out[:, cols] = p @ V
    return out @ Wo
