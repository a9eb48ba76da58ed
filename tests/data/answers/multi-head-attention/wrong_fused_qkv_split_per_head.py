# expect: failed | was cut per head first, (T, n_heads, 3 * dh)
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # the fused projection read in the per-head layout (T, heads, 3 * dh), as a fused layer
    # whose weight was laid out head by head is read; these weights were concatenated whole
    T, d_model = X.shape
    dh = d_model // n_heads
    qkv = (X @ np.concatenate([Wq, Wk, Wv], axis=1)).reshape(T, n_heads, 3 * dh)
    q, k, v = np.split(qkv.transpose(1, 0, 2), 3, axis=-1)
    scores = q @ k.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return (w @ v).transpose(1, 0, 2).reshape(T, d_model) @ Wo
