# expect: failed | the boolean mask was added to the scores (True adds 1, False adds 0)
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d_model = X.shape
    dh = d_model // n_heads
    Q = (X @ Wq).reshape(T, n_heads, dh).transpose(1, 0, 2)
    K = (X @ Wk).reshape(T, n_heads, dh).transpose(1, 0, 2)
    V = (X @ Wv).reshape(T, n_heads, dh).transpose(1, 0, 2)
    scores = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    if causal:
        # the boolean causal mask is added, as if it were 0 / -inf
        scores = scores + np.tril(np.ones((T, T), dtype=bool))
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return (w @ V).transpose(1, 0, 2).reshape(T, d_model) @ Wo
