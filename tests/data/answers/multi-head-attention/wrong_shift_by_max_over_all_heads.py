# expect: failed | subtract each head's row maximum score before exp
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads

    def heads(M):
        return M.reshape(T, n_heads, dh).transpose(1, 0, 2)

    Q, K, V = heads(X @ Wq), heads(X @ Wk), heads(X @ Wv)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    # one shift for the whole (heads, T, T) block
    e = np.exp(scores - scores.max())
    weights = e / e.sum(axis=-1, keepdims=True)
    out = (weights @ V).transpose(1, 0, 2).reshape(T, d_model)
    return out @ Wo
