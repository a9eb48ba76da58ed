# expect: failed | each head's scores were shifted by a row maximum without keepdims
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    q, k, v = ((X @ W).reshape(T, n_heads, dh).transpose(1, 0, 2) for W in (Wq, Wk, Wv))
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1))  # keepdims missing
    w = e / e.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(1, 0, 2).reshape(T, d_model) @ Wo
