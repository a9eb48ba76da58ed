"""Reference L2 penalty on the weights of a network (biases are not penalized)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["l2_penalty_and_grads"]

Array = NDArray[np.float64]


def l2_penalty_and_grads(
    params: dict[str, Array], lam: float, m: int
) -> tuple[float, dict[str, Array]]:
    """lam/(2m) times the sum of squared weights, and lam/m * W (zeros for biases)."""
    penalty = 0.0
    grads: dict[str, Array] = {}
    for key, value in params.items():
        if key.startswith("W"):
            penalty += float(np.sum(value * value))
            grads[key] = (lam / m) * value
        else:
            grads[key] = np.zeros_like(value, dtype=np.float64)
    return lam / (2.0 * m) * penalty, grads
