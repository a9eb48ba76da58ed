"""Reference inverted dropout; randomness only from the Generator it is given."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["dropout_backward", "dropout_forward"]

Array = NDArray[np.float64]


def dropout_forward(
    A: Array, keep_prob: float, rng: np.random.Generator
) -> tuple[Array, NDArray[np.bool_]]:
    """Keep each unit with probability keep_prob and scale survivors by 1/keep_prob."""
    mask = rng.random(A.shape) < keep_prob
    return A * mask / keep_prob, mask


def dropout_backward(dout: Array, mask: NDArray[np.bool_], keep_prob: float) -> Array:
    """The same mask and scale applied to the upstream gradient."""
    return dout * mask / keep_prob
