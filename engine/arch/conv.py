"""Reference 2-D convolution (cross-correlation, as every framework computes it), forward and backward."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["conv2d_backward", "conv2d_forward", "conv_output_size"]

Array = NDArray[np.float64]


def conv_output_size(size: int, kernel: int, stride: int, pad: int) -> int:
    """(size + 2 pad - kernel) // stride + 1: windows that do not fit are dropped."""
    return (size + 2 * pad - kernel) // stride + 1


def _padded(x: Array, pad: int) -> Array:
    """x with `pad` zeros around both spatial axes (x itself when pad is 0; never written to).

    A zeros array and one slice assignment: np.pad costs about ten times more here, which
    matters in the checker's numerical-gradient loop.
    """
    if pad == 0:
        return x
    n, c, h, w = x.shape
    out = np.zeros((n, c, h + 2 * pad, w + 2 * pad))
    out[:, :, pad : pad + h, pad : pad + w] = x
    return out


def conv2d_forward(x: Array, w: Array, b: Array, stride: int = 1, pad: int = 0) -> Array:
    """out[n, f, i, j] = b[f] + sum_{c, p, q} w[f, c, p, q] xpad[n, c, i*stride + p, j*stride + q].

    One strided view per kernel offset keeps the loop at KH*KW iterations, each a
    (N, C, Ho, Wo) x (F, C) contraction.
    """
    n, _, h, wd = x.shape
    f, _, kh, kw = w.shape
    ho, wo = conv_output_size(h, kh, stride, pad), conv_output_size(wd, kw, stride, pad)
    xp = _padded(x, pad)
    out = np.zeros((n, f, ho, wo))
    for p in range(kh):
        for q in range(kw):
            patch = xp[:, :, p : p + stride * ho : stride, q : q + stride * wo : stride]
            out += np.einsum("nchw,fc->nfhw", patch, w[:, :, p, q])
    out += b.reshape(1, f, 1, 1)
    return out


def conv2d_backward(
    dout: Array, x: Array, w: Array, b: Array, stride: int = 1, pad: int = 0
) -> tuple[Array, Array, Array]:
    """(dx, dw, db) for conv2d_forward; input positions no window reads get a zero gradient."""
    _, _, h, wd = x.shape
    _, _, kh, kw = w.shape
    ho, wo = dout.shape[2], dout.shape[3]
    xp = _padded(x, pad)
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for p in range(kh):
        for q in range(kw):
            rows = slice(p, p + stride * ho, stride)
            cols = slice(q, q + stride * wo, stride)
            dw[:, :, p, q] = np.einsum("nfhw,nchw->fc", dout, xp[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dout, w[:, :, p, q])
    db = dout.sum(axis=(0, 2, 3))
    return dxp[:, :, pad : pad + h, pad : pad + wd], dw, db
