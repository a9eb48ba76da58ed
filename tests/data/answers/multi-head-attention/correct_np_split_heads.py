# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # np.split cuts each projection into n_heads blocks of columns
    T = X.shape[0]
    outs = []
    for q, k, v in zip(np.split(X @ Wq, n_heads, axis=1), np.split(X @ Wk, n_heads, axis=1),
                       np.split(X @ Wv, n_heads, axis=1)):
        s = q @ k.T / np.sqrt(q.shape[1])
        if causal:
            s[np.triu_indices(T, k=1)] = -np.inf
        s = np.exp(s - s.max(axis=1, keepdims=True))
        outs.append(s / s.sum(axis=1, keepdims=True) @ v)
    return np.hstack(outs) @ Wo
