"""Reference layer normalization: statistics per example, over the features (axis 0)."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from engine.nn.normalization import normalize_backward, normalize_forward

__all__ = ["FEATURE_AXIS", "layernorm_backward", "layernorm_forward"]

Array = NDArray[np.float64]

FEATURE_AXIS = 0
"""Layer norm's statistics run over each example's features, the rows of a column."""


def layernorm_forward(
    X: Array, gamma: Array, beta: Array, eps: float = 1e-5
) -> tuple[Array, tuple[Any, ...]]:
    """Normalize each column with its own mean and biased variance, then scale and shift rows."""
    return normalize_forward(X, gamma, beta, eps, axis=FEATURE_AXIS)


def layernorm_backward(dout: Array, cache: tuple[Any, ...]) -> tuple[Array, Array, Array]:
    """dX through each column's mean and variance; dgamma, dbeta summed over the examples."""
    return normalize_backward(dout, cache, axis=FEATURE_AXIS)
