"""Normalization over one axis of X: the maths batch norm and layer norm share.

Examples are columns, so batch norm takes each feature's statistics over the examples
(axis 1) and layer norm each example's over its features (axis 0). In both, gamma and
beta are (n, 1), one per feature and shared by every example, so their gradients sum
over the examples (axis 1) whichever axis the statistics run over.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["normalize_backward", "normalize_forward"]

Array = NDArray[np.float64]


def normalize_forward(
    X: Array, gamma: Array, beta: Array, eps: float, *, axis: int
) -> tuple[Array, tuple[Any, ...]]:
    """X centred and divided by sqrt(biased variance + eps) along `axis`, then scaled and shifted."""
    mu = X.mean(axis=axis, keepdims=True)
    xc = X - mu
    var = np.mean(xc * xc, axis=axis, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def normalize_backward(
    dout: Array, cache: tuple[Any, ...], *, axis: int
) -> tuple[Array, Array, Array]:
    """dX through the mean and variance along `axis` too; dgamma, dbeta summed over the examples."""
    x_hat, inv_std, gamma = cache
    count = dout.shape[axis]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = (inv_std / count) * (
        count * dx_hat
        - dx_hat.sum(axis=axis, keepdims=True)
        - x_hat * np.sum(dx_hat * x_hat, axis=axis, keepdims=True)
    )
    return dX, dgamma, dbeta
