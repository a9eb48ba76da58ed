# expect: failed | in each head, Q and K swapped roles: the scores are K @ Q^T
import numpy as np
def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = ((X @ W).reshape(T, n_heads, dh).transpose(1, 0, 2) for W in (Wq, Wk, Wv))
    s = np.einsum("hqd,hkd->hkq", Q, K) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    return np.einsum("hqk,hkd->qhd", w, V).reshape(T, d) @ Wo
