# expect: passed | passed
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    out = np.zeros((T, d))
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q = X @ Wq[:, cols] / np.sqrt(dh)  # the scale folded into the queries
        k, v = X @ Wk[:, cols], X @ Wv[:, cols]
        for t in range(T):
            last = t + 1 if causal else T
            s = np.dot(k[:last], q[t])
            w = np.exp(s - s.max())
            out[t, cols] = w @ v[:last] / w.sum()
    return out @ Wo
