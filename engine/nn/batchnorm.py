"""Reference batch normalization over the batch axis (axis 1: examples are columns)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["batchnorm_backward", "batchnorm_forward"]

Array = NDArray[np.float64]


def batchnorm_forward(
    X: Array, gamma: Array, beta: Array, eps: float = 1e-5
) -> tuple[Array, tuple[Any, ...]]:
    """Normalize each row with the biased batch variance, then scale and shift."""
    mu = X.mean(axis=1, keepdims=True)
    xc = X - mu
    var = np.mean(xc * xc, axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = xc * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma)


def batchnorm_backward(dout: Array, cache: tuple[Any, ...]) -> tuple[Array, Array, Array]:
    """Gradients through the batch mean and variance too (not just the scaling)."""
    x_hat, inv_std, gamma = cache
    m = dout.shape[1]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dx_hat = dout * gamma
    dX = (inv_std / m) * (
        m * dx_hat
        - dx_hat.sum(axis=1, keepdims=True)
        - x_hat * np.sum(dx_hat * x_hat, axis=1, keepdims=True)
    )
    return dX, dgamma, dbeta
