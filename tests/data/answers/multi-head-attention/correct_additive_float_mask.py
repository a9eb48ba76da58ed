# expect: passed | passed all
import numpy as np


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    # a float mask of 0 and -inf is added to the scores, with einsum per head
    T, d_model = X.shape
    dh = d_model // n_heads
    Q, K, V = (np.reshape(X @ W, (T, n_heads, dh)) for W in (Wq, Wk, Wv))
    scores = np.einsum("thd,shd->hts", Q, K) / np.sqrt(dh)
    if causal:
        scores = scores + np.triu(np.full((T, T), -np.inf), k=1)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights /= weights.sum(axis=-1, keepdims=True)
    return np.einsum("hts,shd->thd", weights, V).reshape(T, d_model) @ Wo
