# expect: failed | return that array alone, not a tuple with other results
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    """All heads at once on a (heads, T, dh) stack."""
    T, d = X.shape
    dh = d // n_heads
    split = lambda M: (X @ M).reshape(T, n_heads, dh).transpose(1, 0, 2)  # noqa: E731
    q, k, v = split(Wq), split(Wk), split(Wv)
    s = np.einsum("htd,hsd->hts", q, k) / np.sqrt(dh)
    if causal:
        s = np.where(np.arange(T)[None, :] <= np.arange(T)[:, None], s, -np.inf)
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w /= w.sum(axis=-1, keepdims=True)
    out = np.einsum("hts,hsd->thd", w, v).reshape(T, d)
    return out @ Wo, w
