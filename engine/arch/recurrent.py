"""Reference LSTM cell, one time step, forward and backward (examples are columns)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["GATES", "lstm_cell_backward", "lstm_cell_forward", "sigmoid"]

Array = NDArray[np.float64]

GATES = ("i", "f", "o", "g")
"""The order of the four row blocks of W and b: input, forget, output gates, candidate."""


def sigmoid(z: Array) -> Array:
    """1 / (1 + exp(-z)) written through tanh, which cannot overflow."""
    out: Array = 0.5 * (1.0 + np.tanh(0.5 * z))
    return out


def lstm_cell_forward(
    x: Array, h_prev: Array, c_prev: Array, W: Array, b: Array
) -> tuple[Array, Array, tuple[Any, ...]]:
    """z = W [h_prev; x] + b; i, f, o = sigmoid, g = tanh; c = f c_prev + i g; h = o tanh(c)."""
    n = h_prev.shape[0]
    stacked = np.vstack([h_prev, x])
    z = W @ stacked + b
    i, f, o = sigmoid(z[:n]), sigmoid(z[n : 2 * n]), sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    tanh_c = np.tanh(c)
    h = o * tanh_c
    return h, c, (stacked, c_prev, W, i, f, o, g, tanh_c)


def lstm_cell_backward(
    dh: Array, dc: Array, cache: tuple[Any, ...]
) -> tuple[Array, Array, Array, Array, Array]:
    """(dx, dh_prev, dc_prev, dW, db); the cell state gets dc plus what flows back through h."""
    stacked, c_prev, W, i, f, o, g, tanh_c = cache
    n = c_prev.shape[0]
    dc_total = dc + dh * o * (1.0 - tanh_c**2)
    dz = np.vstack(
        [
            dc_total * g * i * (1.0 - i),
            dc_total * c_prev * f * (1.0 - f),
            dh * tanh_c * o * (1.0 - o),
            dc_total * i * (1.0 - g**2),
        ]
    )
    dW = dz @ stacked.T
    db = dz.sum(axis=1, keepdims=True)
    dstacked = W.T @ dz
    return dstacked[n:], dstacked[:n], dc_total * f, dW, db
