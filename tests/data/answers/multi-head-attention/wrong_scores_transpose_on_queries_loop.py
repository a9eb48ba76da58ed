# expect: failed | in each head, K is not transposed: the scores need K^T
import numpy as np
def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, k, v = Q[:, cols], K[:, cols], V[:, cols]
        s = q.T @ k / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        w = np.exp(s - s.max(axis=-1, keepdims=True))
        w /= w.sum(axis=-1, keepdims=True)
        heads.append(w @ v)
    return np.concatenate(heads, axis=1) @ Wo
