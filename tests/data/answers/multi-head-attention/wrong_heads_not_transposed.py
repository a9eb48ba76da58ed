# expect: failed | the heads were split without a transpose
import numpy as np
def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q = (X @ Wq).reshape(T, n_heads, dh)
    K = (X @ Wk).reshape(T, n_heads, dh)
    V = (X @ Wv).reshape(T, n_heads, dh)
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    w = np.exp(s)
    w /= w.sum(axis=-1, keepdims=True)
    return (w @ V).reshape(T, d) @ Wo
