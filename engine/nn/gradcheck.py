"""Reference numerical gradient (central differences) and gradient check."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__ = ["gradient_check", "numerical_gradient", "relative_difference"]

Array = NDArray[np.float64]


def numerical_gradient(f: Callable[[Array], float], x: Array, eps: float = 1e-5) -> Array:
    """(f(x + eps e_i) - f(x - eps e_i)) / (2 eps) for every entry; x is restored exactly."""
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + eps
        f_plus = float(f(x))
        x[idx] = original - eps
        f_minus = float(f(x))
        x[idx] = original
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def relative_difference(a: Array, b: Array) -> float:
    """||a - b|| / (||a|| + ||b||) with Frobenius norms; 0 when both are zero."""
    denom = float(np.linalg.norm(a) + np.linalg.norm(b))
    return 0.0 if denom == 0.0 else float(np.linalg.norm(a - b)) / denom


def gradient_check(
    f: Callable[[Array], float],
    grad_f: Callable[[Array], Array],
    x: Array,
    eps: float = 1e-5,
    threshold: float = 1e-7,
) -> tuple[bool, float]:
    """(rel_diff < threshold, rel_diff) between grad_f(x) and central differences."""
    analytic = np.asarray(grad_f(x), dtype=np.float64)
    numeric = numerical_gradient(f, x, eps)
    rel_diff = relative_difference(numeric, analytic)
    return rel_diff < threshold, rel_diff
