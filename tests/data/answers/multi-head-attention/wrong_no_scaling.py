# expect: failed | the scores are not divided by sqrt(dh)
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    heads = []
    for q, k, v in zip(*(np.split(X @ W, n_heads, axis=1) for W in (Wq, Wk, Wv))):
        s = np.einsum("qd,kd->qk", q, k)  # the 1/sqrt(dh) is forgotten
        if causal:
            s = np.where(np.tri(T, dtype=bool), s, -np.inf)
        w = np.exp(s - s.max(axis=1, keepdims=True))
        heads.append(w / w.sum(axis=1, keepdims=True) @ v)
    return np.hstack(heads) @ Wo
