"""Reference layer normalization: statistics per example, over the features (axis 0)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["layernorm_backward", "layernorm_forward"]

Array = NDArray[np.float64]


def layernorm_forward(
    X: Array, gamma: Array, beta: Array, eps: float = 1e-5
) -> tuple[Array, tuple[Any, ...]]:
    """Normalize each column with its own mean and biased variance, then scale and shift rows."""
    mu = X.mean(axis=0, keepdims=True)
    xc = X - mu
    var = np.mean(xc * xc, axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def layernorm_backward(dout: Array, cache: tuple[Any, ...]) -> tuple[Array, Array, Array]:
    """dX through each column's mean and variance; dgamma, dbeta summed over the examples."""
    x_hat, inv_std, gamma = cache
    n = dout.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = (inv_std / n) * (
        n * dx_hat
        - dx_hat.sum(axis=0, keepdims=True)
        - x_hat * np.sum(dx_hat * x_hat, axis=0, keepdims=True)
    )
    return dX, dgamma, dbeta
