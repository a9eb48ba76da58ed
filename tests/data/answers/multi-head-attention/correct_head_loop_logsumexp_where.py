# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # one head at a time on its column block; weights from scores minus their log-sum-exp
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    allowed = np.tril(np.ones((T, T), dtype=bool)) if causal else np.ones((T, T), dtype=bool)
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        s = np.where(allowed, Q[:, cols] @ K[:, cols].T / np.sqrt(dh), -np.inf)
        top = s.max(axis=1, keepdims=True)
        lse = top + np.log(np.exp(s - top).sum(axis=1, keepdims=True))
        heads.append(np.exp(s - lse) @ V[:, cols])
    return np.hstack(heads) @ Wo
