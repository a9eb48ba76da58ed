# expect: failed | the heads are split along the wrong axis: M.reshape(n_heads, T, dh)
# heads split by a bare reshape to (n_heads, T, dh), merged back the right way
import numpy as np
def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    def split(M):
        return M.reshape(n_heads, T, dh)
    Q, K, V = split(X @ Wq), split(X @ Wk), split(X @ Wv)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    w = np.exp(scores); w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(1, 0, 2).reshape(T, d_model) @ Wo
