# expect: failed | every weight matrix is transposed (X @ W.T
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # nn.Linear's convention, y = x W^T
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq.T, X @ Wk.T, X @ Wv.T
    outs = []
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        outs.append(a / a.sum(axis=1, keepdims=True) @ V[:, c])
    return np.concatenate(outs, axis=1) @ Wo.T
