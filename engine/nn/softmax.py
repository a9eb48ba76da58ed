"""Reference softmax (column-wise) and cross-entropy, stable for large inputs."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["cross_entropy", "softmax"]

Array = NDArray[np.float64]


def softmax(z: Array) -> Array:
    """Softmax of each column; subtracting the column max keeps exp() from overflowing."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=0, keepdims=True))
    out: Array = e / e.sum(axis=0, keepdims=True)
    return out


def cross_entropy(y_hat: Array, y: Array) -> float:
    """Mean over the m columns of -sum_c y log y_hat; classes with y == 0 contribute nothing.

    Only the entries where y > 0 are logged, so an exact 0 in y_hat for a wrong
    class neither warns nor turns into 0 * -inf = nan.
    """
    y_hat = np.asarray(y_hat, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    m = y.shape[1]
    hit = y > 0
    # + 0.0 turns the -0.0 of a perfect prediction (-(0.0)) into 0.0, so it prints as 0
    return float(-np.sum(y[hit] * np.log(y_hat[hit])) / m) + 0.0
