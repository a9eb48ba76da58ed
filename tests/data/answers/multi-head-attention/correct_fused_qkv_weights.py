# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # one projection for all three, as a fused qkv layer does: (T, 3 * d_model), then split
    T, d_model = X.shape
    dh = d_model // n_heads
    qkv = X @ np.concatenate([Wq, Wk, Wv], axis=1)
    q, k, v = np.split(qkv, 3, axis=1)
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        scores = q[:, cols] @ k[:, cols].T / np.sqrt(dh)
        if causal:
            scores = np.where(np.tril(np.ones((T, T), dtype=bool)), scores, -np.inf)
        scores = scores - scores.max(axis=1, keepdims=True)
        w = np.exp(scores)
        w /= w.sum(axis=1, keepdims=True)
        heads.append(w @ v[:, cols])
    return np.hstack(heads) @ Wo
