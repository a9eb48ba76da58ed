# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = (np.stack(np.split(X @ W, n_heads, axis=1)) for W in (Wq, Wk, Wv))
    scores = Q @ K.transpose(0, 2, 1) / dh**0.5
    if causal:
        scores = scores + np.triu(np.full((T, T), -1e300), k=1)
    scores -= scores.max(axis=2, keepdims=True)
    w = np.exp(scores)
    w /= w.sum(axis=2, keepdims=True)
    return np.concatenate(list(w @ V), axis=1) @ Wo
