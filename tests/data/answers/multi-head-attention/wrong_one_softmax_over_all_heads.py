# expect: failed | one softmax ran over all the heads at once
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = (np.stack(np.split(X @ W, n_heads, axis=1)) for W in (Wq, Wk, Wv))
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        s = np.where(np.tril(np.ones((T, T), bool)), s, -np.inf)
    e = np.exp(s - s.max(axis=(0, 2), keepdims=True))
    w = e / e.sum(axis=(0, 2), keepdims=True)
    return np.concatenate(list(w @ V), axis=1) @ Wo
