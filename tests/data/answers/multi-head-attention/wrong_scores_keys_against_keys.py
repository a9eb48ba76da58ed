# expect: failed | in each head, Q is not used: the scores are K @ K^T
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    K = (X @ Wk).reshape(T, n_heads, dh).swapaxes(0, 1)
    V = (X @ Wv).reshape(T, n_heads, dh).swapaxes(0, 1)
    s = np.matmul(K, K.swapaxes(-1, -2)) / np.sqrt(dh)
    if causal:
        s = s + np.triu(np.full((T, T), -np.inf), 1)
    w = np.exp(s - s.max(-1, keepdims=True))
    w = w / w.sum(-1, keepdims=True)
    return (w @ V).swapaxes(0, 1).reshape(T, d) @ Wo
