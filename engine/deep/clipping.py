"""Reference gradient clipping by the global norm of all gradients together."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

__all__ = ["clip_grad_norm", "global_norm"]

Array = NDArray[np.float64]


def global_norm(grads: list[Array]) -> float:
    """The L2 norm of every entry of every array, as if they were one long vector."""
    return math.sqrt(sum(float(np.sum(g * g)) for g in grads))


def clip_grad_norm(grads: list[Array], max_norm: float) -> tuple[list[Array], float]:
    """Scale every array by max_norm/total_norm when total_norm > max_norm; new arrays either way.

    One common factor keeps the direction of the whole update; clipping each array
    on its own would change it.
    """
    total = global_norm(grads)
    if total > max_norm:
        scale = max_norm / total
        return [g * scale for g in grads], total
    return [g.copy() for g in grads], total
