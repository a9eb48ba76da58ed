# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    q, k, v = ((X @ W).reshape(T, n_heads, dh).swapaxes(0, 1) for W in (Wq, Wk, Wv))
    scores = q @ k.swapaxes(1, 2) / np.sqrt(dh)
    if causal:
        # -inf strictly above the diagonal, 0 on and below it: added, never multiplied
        scores = scores + np.triu(np.full((T, T), -np.inf), k=1)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return (w @ v).swapaxes(0, 1).reshape(T, d_model) @ Wo
