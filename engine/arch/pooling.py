"""Reference max pooling over (N, C, H, W): no padding, the gradient to each window's first maximum."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["maxpool_backward", "maxpool_forward", "pool_output_size"]

Array = NDArray[np.float64]


def pool_output_size(size: int, window: int, stride: int) -> int:
    """(size - window) // stride + 1: windows that do not fit are dropped."""
    return (size - window) // stride + 1


def maxpool_forward(x: Array, size: int = 2, stride: int = 2) -> Array:
    """The maximum of each size x size window, windows starting every `stride` pixels."""
    n, c, h, w = x.shape
    ho, wo = pool_output_size(h, size, stride), pool_output_size(w, size, stride)
    out = np.full((n, c, ho, wo), -np.inf)
    for p in range(size):
        for q in range(size):
            view = x[:, :, p : p + stride * ho : stride, q : q + stride * wo : stride]
            out = np.maximum(out, view)
    return out


def maxpool_backward(dout: Array, x: Array, size: int = 2, stride: int = 2) -> Array:
    """Each window's gradient goes to its first maximum in row-major order; overlaps add up.

    Scanning the offsets in row-major order and keeping only strictly larger values
    finds the first maximum, as np.argmax on the flattened window does.
    """
    n, c, h, w = x.shape
    ho, wo = dout.shape[2], dout.shape[3]
    best = np.full((n, c, ho, wo), -np.inf)
    where = np.zeros((n, c, ho, wo), dtype=np.int64)
    for p in range(size):
        for q in range(size):
            view = x[:, :, p : p + stride * ho : stride, q : q + stride * wo : stride]
            better = view > best
            best = np.where(better, view, best)
            where = np.where(better, p * size + q, where)
    dx = np.zeros((n, c, h, w))
    for p in range(size):
        for q in range(size):
            chosen = where == p * size + q
            dx[:, :, p : p + stride * ho : stride, q : q + stride * wo : stride] += np.where(
                chosen, dout, 0.0
            )
    return dx
