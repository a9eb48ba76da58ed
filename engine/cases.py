"""Randomized case generation: shapes, scales, edge values and parameters.

Every helper takes the grading's Generator, so one seed replays a grading exactly.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "case_seed_rng",
    "child_seed",
    "column_scales",
    "describe",
    "describe_array",
    "log_uniform",
    "normal",
    "one_hot",
    "row_scales",
    "size",
    "with_ties",
    "with_zeros",
]

Array = NDArray[np.float64]


def case_seed_rng(seed: int) -> np.random.Generator:
    """The generator that makes a grading's cases; one seed replays them exactly."""
    return np.random.default_rng(seed)


def size(rng: np.random.Generator, lo: int, hi: int) -> int:
    """An int in [lo, hi], both ends included."""
    return int(rng.integers(lo, hi + 1))


def log_uniform(rng: np.random.Generator, lo: float, hi: float) -> float:
    """A float spread evenly over orders of magnitude, so tiny and large values both show up."""
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def child_seed(rng: np.random.Generator) -> int:
    """A seed for a Generator the child builds; drawn from the grading's own rng."""
    return int(rng.integers(0, 2**62))


def normal(rng: np.random.Generator, shape: tuple[int, ...], scale: float = 1.0) -> Array:
    """Gaussian float64 entries with the given standard deviation."""
    return rng.standard_normal(shape) * scale


def with_zeros(
    rng: np.random.Generator, a: Array, fraction: float = 0.2, *, keep_nonzero: bool = False
) -> Array:
    """A copy with about `fraction` of the entries set to exactly 0 (at least one).

    With `keep_nonzero`, one entry chosen is spared when all would be zero (a one-entry
    array keeps its value): an optimizer's single-parameter case must move the parameter.
    The same random numbers are drawn either way, so the other cases do not change.
    """
    out = a.copy()
    flat = out.reshape(-1)
    k = max(1, int(round(fraction * flat.size)))
    chosen = rng.choice(flat.size, size=min(k, flat.size), replace=False)
    if keep_nonzero and chosen.size == flat.size:
        chosen = chosen[1:]
    flat[chosen] = 0.0
    return out


def with_both_signs(a: Array) -> Array:
    """A copy where, when every nonzero entry has one sign and there are at least two, the
    smallest in size is negated: a gradient of one sign makes grad and abs(grad) the same,
    so a slip that drops the sign (or squares it away) could not be told from another.
    No random number is drawn, so the other cases do not change."""
    out = a.copy()
    flat = out.reshape(-1)
    nonzero = np.flatnonzero(flat)
    if nonzero.size >= 2 and (np.all(flat[nonzero] > 0) or np.all(flat[nonzero] < 0)):
        smallest = nonzero[int(np.argmin(np.abs(flat[nonzero])))]
        flat[smallest] = -flat[smallest]
    return out


def with_each_sign(a: Array) -> Array:
    """A copy (of 3 entries or more) that holds a 0, a positive and a negative entry: a
    small array drawn with zeros and ties could lack a sign, and there relu(z) is its own
    derivative, or np.sign(z) is. Missing ones are made from the largest entry of a sign
    that has two or more (negated), else from a spare zero (set to 2.5 or -2.5, not 1:
    z = 1 is relu's slope there too). No random number is drawn."""
    out = a.copy()
    flat = out.reshape(-1)
    if flat.size < 3:
        return out
    if not np.any(flat == 0):
        flat[int(np.argmin(np.abs(flat)))] = 0.0
    for sign in (1.0, -1.0):
        if np.any(np.sign(flat) == sign):
            continue
        other = np.flatnonzero(np.sign(flat) == -sign)
        if other.size >= 2:
            k = other[int(np.argmax(np.abs(flat[other])))]
            flat[k] = -flat[k]
        else:
            flat[np.flatnonzero(flat == 0)[-1]] = 2.5 * sign
    return out


def with_ties(rng: np.random.Generator, a: Array, fraction: float = 0.3) -> Array:
    """A copy where some entries repeat others exactly (ties for max/argmax-style code)."""
    out = a.copy()
    flat = out.reshape(-1)
    if flat.size < 2:
        return out
    k = max(1, int(round(fraction * flat.size)))
    src = rng.integers(0, flat.size, size=k)
    dst = rng.integers(0, flat.size, size=k)
    flat[dst] = flat[src]
    return out


def column_scales(rng: np.random.Generator, a: Array, lo: float, hi: float) -> Array:
    """Each column multiplied by its own log-uniform scale: columns of very different size."""
    scales = np.exp(rng.uniform(np.log(lo), np.log(hi), size=(1, a.shape[1])))
    return a * scales


def row_scales(rng: np.random.Generator, a: Array, lo: float, hi: float) -> Array:
    """Each row multiplied by its own log-uniform scale: features of very different size."""
    scales = np.exp(rng.uniform(np.log(lo), np.log(hi), size=(a.shape[0], 1)))
    return a * scales


def one_hot(rng: np.random.Generator, c: int, m: int) -> Array:
    """A (c, m) one-hot label matrix with a random class per column."""
    y = np.zeros((c, m))
    y[rng.integers(0, c, size=m), np.arange(m)] = 1.0
    return y


def describe_array(name: str, a: Any) -> str:
    """'z (3, 5) in [-1e+03, 998], 3 zeros' - what a learner needs to picture the input."""
    arr = np.asarray(a)
    if arr.size == 0:
        return f"{name} {tuple(arr.shape)} (empty)"
    if arr.dtype.kind == "b":
        return f"{name} {tuple(arr.shape)} bool"
    text = f"{name} {tuple(arr.shape)} in [{arr.min():.3g}, {arr.max():.3g}]"
    zeros = int(np.count_nonzero(arr == 0))
    if zeros:
        text += f", {zeros} exact zero{'s' if zeros > 1 else ''}"
    return text


def describe(**items: Any) -> str:
    """Arrays summarized by describe_array, text as 'name: text', others as name=value."""
    parts = []
    for name, value in items.items():
        if isinstance(value, np.ndarray):
            parts.append(describe_array(name, value))
        elif isinstance(value, float):
            parts.append(f"{name}={value:.4g}")
        elif isinstance(value, str):
            parts.append(f"{name}: {value}")
        else:
            parts.append(f"{name}={value!r}")
    return "; ".join(parts)
