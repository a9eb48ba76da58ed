"""Reference batch normalization over the batch axis (axis 1: examples are columns)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.nn.normalization import normalize_backward, normalize_forward

__all__ = ["BATCH_AXIS", "batchnorm_backward", "batchnorm_forward"]

Array = NDArray[np.float64]

BATCH_AXIS = 1
"""Batch norm's statistics run over the examples, which are columns."""


def batchnorm_forward(
    X: Array, gamma: Array, beta: Array, eps: float = 1e-5
) -> tuple[Array, tuple[Any, ...]]:
    """Normalize each row with the biased batch variance, then scale and shift."""
    return normalize_forward(X, gamma, beta, eps, axis=BATCH_AXIS)


def batchnorm_backward(dout: Array, cache: tuple[Any, ...]) -> tuple[Array, Array, Array]:
    """Gradients through the batch mean and variance too (not just the scaling)."""
    return normalize_backward(dout, cache, axis=BATCH_AXIS)
