"""Reference scaled dot-product attention and multi-head self-attention (tokens are rows)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["causal_mask", "multi_head_attention", "scaled_dot_product_attention"]

Array = NDArray[np.float64]


def scaled_dot_product_attention(
    Q: Array, K: Array, V: Array, mask: NDArray[np.bool_] | None = None
) -> tuple[Array, Array]:
    """softmax(Q K^T / sqrt(d_k)) V over the last axis; masked weights are exactly 0.

    Masked scores become -inf, so exp gives exactly 0; every row keeps at least one
    allowed key, so its maximum is finite and the shift by it never overflows.
    """
    d_k = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights


def causal_mask(T: int) -> NDArray[np.bool_]:
    """(T, T), True where position t may attend to position s, that is s <= t."""
    return np.tril(np.ones((T, T), dtype=bool))


def multi_head_attention(
    X: Array, Wq: Array, Wk: Array, Wv: Array, Wo: Array, n_heads: int, causal: bool = False
) -> Array:
    """Self-attention with n_heads heads; head h uses columns h*dh:(h+1)*dh of Q, K and V."""
    T, d_model = X.shape
    dh = d_model // n_heads

    def heads(M: Array) -> Array:
        return M.reshape(T, n_heads, dh).transpose(1, 0, 2)  # (n_heads, T, dh)

    mask = causal_mask(T) if causal else None
    out, _ = scaled_dot_product_attention(heads(X @ Wq), heads(X @ Wk), heads(X @ Wv), mask)
    return out.transpose(1, 0, 2).reshape(T, d_model) @ Wo
