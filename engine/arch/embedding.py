"""Reference token embeddings (lookup and its gradient) and sinusoidal positional encodings."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["embedding_backward", "embedding_forward", "sinusoidal_encoding"]

Array = NDArray[np.float64]


def embedding_forward(W: Array, ids: NDArray[np.integer]) -> Array:
    """The rows of W the ids name: shape ids.shape + (d,)."""
    out: Array = W[ids]
    return out


def embedding_backward(dout: Array, ids: NDArray[np.integer], vocab_size: int) -> Array:
    """dW (V, d): every occurrence of an id adds its row of dout (np.add.at keeps repeats)."""
    d = dout.shape[-1]
    dW = np.zeros((vocab_size, d))
    np.add.at(dW, ids.reshape(-1), dout.reshape(-1, d))
    return dW


def sinusoidal_encoding(T: int, d: int) -> Array:
    """PE[p, 2i] = sin(p / 10000**(2i/d)), PE[p, 2i+1] = cos(p / 10000**(2i/d)); d even."""
    positions = np.arange(T, dtype=np.float64)[:, None]
    rates = 10000.0 ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    angles = positions * rates
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
