# expect: failed | the causal mask was applied to the weights after the softmax
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = (np.stack(np.split(X @ W, n_heads, axis=1)) for W in (Wq, Wk, Wv))
    s = Q @ K.transpose(0, 2, 1) / np.sqrt(dh)
    e = np.exp(s - s.max(axis=2, keepdims=True))
    w = e / e.sum(axis=2, keepdims=True)
    if causal:
        w = w * np.tril(np.ones((T, T)))
    return np.concatenate(list(w @ V), axis=1) @ Wo
