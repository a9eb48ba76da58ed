# expect: passed | passed all
import math
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    out = np.zeros((T, d))
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        q, k, v = X @ Wq[:, cols], X @ Wk[:, cols], X @ Wv[:, cols]
        rows = []
        for t in range(T):
            n = t + 1 if causal else T
            sc = [float(q[t] @ k[s]) / math.sqrt(dh) for s in range(n)]
            top = max(sc)
            e = [math.exp(z - top) for z in sc]
            tot = math.fsum(e)
            rows.append(sum((e[s] / tot) * v[s] for s in range(n)))
        out += np.array(rows) @ Wo[cols, :]
    return out
