# expect: failed | leaves out the diagonal
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    outs = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, k, v = X @ Wq[:, cols], X @ Wk[:, cols], X @ Wv[:, cols]
        s = q @ k.T / np.sqrt(dh)
        if causal:
            # strictly lower: the first token can see nothing; fall back to uniform there
            allowed = np.tril(np.ones((T, T), dtype=bool), -1)
            allowed[0, 0] = True
            s = np.where(allowed, s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        outs.append(a @ v)
    return np.concatenate(outs, axis=1) @ Wo
