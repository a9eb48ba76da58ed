# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # concat(heads) @ Wo equals the sum over heads of head_h @ (rows h*dh:(h+1)*dh of Wo)
    T, d = X.shape
    dh = d // n_heads
    total = np.zeros((T, d))
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, k, v = X @ Wq[:, cols], X @ Wk[:, cols], X @ Wv[:, cols]
        s = np.einsum("td,sd->ts", q, k) / np.sqrt(dh)
        if causal:
            s[np.triu_indices(T, 1)] = -np.inf
        s -= s.max(axis=1, keepdims=True)
        a = np.exp(s)
        a /= a.sum(axis=1, keepdims=True)
        total += (a @ v) @ Wo[cols, :]
    return total
