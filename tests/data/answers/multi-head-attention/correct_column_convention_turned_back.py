# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # worked in the column convention, one column per token, as in some papers' equations,
    T, d_model = X.shape
    dh = d_model // n_heads
    Xc = X.T
    Qc, Kc, Vc = Wq.T @ Xc, Wk.T @ Xc, Wv.T @ Xc
    heads = []
    for h in range(n_heads):
        rows = slice(h * dh, (h + 1) * dh)
        s = Kc[rows].T @ Qc[rows] / np.sqrt(dh)  # (keys, queries)
        if causal:
            s = np.where(np.triu(np.ones((T, T), dtype=bool)), s, -np.inf)
        s = s - s.max(axis=0, keepdims=True)
        a = np.exp(s)
        a = a / a.sum(axis=0, keepdims=True)
        heads.append(Vc[rows] @ a)
    # ...and the (d_model, T) result turned back to one row per token
    return (Wo.T @ np.concatenate(heads, axis=0)).T
