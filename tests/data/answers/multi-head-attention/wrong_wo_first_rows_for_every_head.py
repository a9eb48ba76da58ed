# expect: failed | every head was multiplied by Wo's first dh
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = (M.reshape(T, n_heads, dh).transpose(1, 0, 2) for M in (X @ Wq, X @ Wk, X @ Wv))
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=-1, keepdims=True)
    a = np.exp(s)
    a = a / a.sum(axis=-1, keepdims=True)
    heads = a @ V
    # each head should meet its own block of rows of Wo, Wo[h*dh:(h+1)*dh]
    return sum(heads[h] @ Wo[:dh] for h in range(n_heads))
