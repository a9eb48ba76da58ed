"""Reference activations and their derivatives (elementwise, float64, no FP warnings)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["elu", "leaky_relu", "relu", "relu_grad", "sigmoid", "sigmoid_grad"]

Array = NDArray[np.float64]


def sigmoid(z: Array) -> Array:
    """1 / (1 + exp(-z)), computed from exp(-|z|) so it never overflows."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(z: Array) -> Array:
    """sigma'(z) = sigma(z) * (1 - sigma(z)); at most 1/4."""
    s = sigmoid(z)
    return s * (1.0 - s)


def relu(z: Array) -> Array:
    """max(0, z) elementwise."""
    return np.maximum(np.asarray(z, dtype=np.float64), 0.0)


def relu_grad(z: Array) -> Array:
    """1 where z > 0, else 0 (the derivative at 0 is taken as 0)."""
    return (np.asarray(z) > 0).astype(np.float64)


def leaky_relu(z: Array, alpha: float = 0.01) -> Array:
    """z for z > 0, alpha * z otherwise."""
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * z)


def elu(z: Array, alpha: float = 1.0) -> Array:
    """z for z > 0, alpha * (exp(z) - 1) otherwise; expm1 on the clipped side avoids overflow."""
    z = np.asarray(z, dtype=np.float64)
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))
