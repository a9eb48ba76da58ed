"""Reference weight initializers, shaped (n_out, n_in)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["he_init", "he_variance", "xavier_init", "xavier_variance"]

Array = NDArray[np.float64]


def he_variance(n_in: int, n_out: int) -> float:
    """Var of He init: 2 / n_in (keeps ReLU activations' scale)."""
    return 2.0 / n_in


def xavier_variance(n_in: int, n_out: int) -> float:
    """Var of Xavier/Glorot normal init: 2 / (n_in + n_out)."""
    return 2.0 / (n_in + n_out)


def he_init(n_in: int, n_out: int, rng: np.random.Generator) -> Array:
    """Normal weights with variance 2 / n_in."""
    w: Array = rng.standard_normal((n_out, n_in)) * np.sqrt(he_variance(n_in, n_out))
    return w


def xavier_init(n_in: int, n_out: int, rng: np.random.Generator) -> Array:
    """Normal weights with variance 2 / (n_in + n_out)."""
    w: Array = rng.standard_normal((n_out, n_in)) * np.sqrt(xavier_variance(n_in, n_out))
    return w
