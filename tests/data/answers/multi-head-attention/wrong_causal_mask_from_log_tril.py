# expect: failed | a causal mask built as np.log(np.tril(ones)) does
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    # the additive causal mask as log(tril(ones)): 0 on and below the diagonal, -inf above
    bias = np.log(np.tril(np.ones((T, T)))) if causal else np.zeros((T, T))
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        s = Q[:, cols] @ K[:, cols].T / np.sqrt(dh) + bias
        s = s - s.max(axis=1, keepdims=True)
        e = np.exp(s)
        heads.append((e / e.sum(axis=1, keepdims=True)) @ V[:, cols])
    return np.concatenate(heads, axis=1) @ Wo
