"""Reference mini-batch split: one shared shuffle of the columns, then consecutive slices."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["random_mini_batches"]

Array = NDArray[np.float64]


def random_mini_batches(
    X: Array, Y: Array, batch_size: int, rng: np.random.Generator
) -> list[tuple[Array, Array]]:
    """Shuffle X and Y columns with the same permutation; the last batch may be short."""
    m = X.shape[1]
    perm = rng.permutation(m)
    X_s, Y_s = X[:, perm], Y[:, perm]
    return [
        (X_s[:, k : k + batch_size], Y_s[:, k : k + batch_size]) for k in range(0, m, batch_size)
    ]
