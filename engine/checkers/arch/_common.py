"""Helpers the architectures checkers share: shape diagnosis and numerical-gradient checks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from engine.checks import Axes, Judgement, Tolerance, type_phrase
from engine.nn.gradcheck import numerical_gradient

__all__ = [
    "NUMERIC_TOL",
    "WINDOWS_RIGHT",
    "windows_right_message",
    "check_shape",
    "float_size_cause",
    "numeric_check",
    "same_windows",
    "unpack",
]

NUMERIC_TOL = Tolerance(rtol=1e-6, atol=1e-8)
"""Central differences on a loss that is linear or smooth in each input: errors near 1e-9."""


WINDOWS_RIGHT = (
    "out's windows are the right ones wherever the expected grid has one: only their count "
    "is off, {got} where {due} fit, and on this case "
)
"""The start of a size mistake's message where out's values cannot tell the slips apart:
the windows it has are right, their count is not (format with got= and due=)."""


def windows_right_message(
    got: tuple[int, ...], expected: tuple[int, ...], formulas: Sequence[str]
) -> str:
    """The message for size slips the values cannot tell apart: out's windows are right,
    their count (the last two axes of `got` against `expected`) is not, and each of
    `formulas` gives that count."""
    lead = WINDOWS_RIGHT.format(
        got=" x ".join(map(str, got[2:])), due=" x ".join(map(str, expected[2:]))
    )
    return (
        f"{lead}each of these mistakes gives that count and keeps those windows, so the "
        f"values cannot tell which it was: {'; or '.join(formulas)}"
    )


def same_windows(got: np.ndarray, expected: np.ndarray, tol: Tolerance) -> bool:
    """True when out's windows where both grids have one are the expected ones."""
    rows, cols = min(got.shape[2], expected.shape[2]), min(got.shape[3], expected.shape[3])
    if rows < 1 or cols < 1 or got.shape[:2] != expected.shape[:2]:
        return False
    part = np.asarray(got[:, :, :rows, :cols], dtype=np.float64)
    return bool(np.all(tol.violation(part, expected[:, :, :rows, :cols]) <= 1.0))


def check_shape(
    j: Judgement,
    label: str,
    value: Any,
    expected: tuple[int, ...],
    mistakes: Sequence[tuple[str, tuple[int, ...]]] = (),
    axes: Axes | None = None,
) -> np.ndarray:
    """`value` as a float64 array of shape `expected`; a wrong shape a known mistake gives is
    named, and a 2-D one with its sizes swapped says what `axes` hold."""
    if isinstance(value, np.ndarray) and value.shape != expected:
        # several mistakes can give the same shape on one case: name every one that fits
        causes = list(dict.fromkeys(m for m, shape in mistakes if value.shape == shape))
        if causes:
            j.fail(f"{label} has shape {value.shape}; expected {expected}: {'; or '.join(causes)}")
    return j.array(label, value, expected, axes=axes)


def unpack(j: Judgement, label: str, value: Any, names: Sequence[str]) -> list[Any]:
    """A returned tuple of len(names) items, with a message that names them when it is not."""
    if not isinstance(value, list | tuple) or len(value) != len(names):
        got = f"{len(value)} items" if isinstance(value, list | tuple) else type_phrase(value)
        j.fail(f"{label} should return a tuple ({', '.join(names)}), got {got}")
    return list(value)


def numeric_check(
    j: Judgement,
    label: str,
    got: np.ndarray,
    loss: Callable[[np.ndarray], float],
    at: np.ndarray,
    tol: Tolerance = NUMERIC_TOL,
) -> None:
    """`got` against central differences of `loss` around a copy of `at`."""
    numeric = numerical_gradient(loss, np.array(at, dtype=np.float64, copy=True))
    j.close(f"{label} vs numerical gradient", got, numeric, tol)


FLOAT_AS_SIZE = (
    "TypeError: 'float' object cannot be interpreted as an integer",
    "TypeError: slice indices must be integers",
)
"""Python's words for a float used as an array size or a slice bound."""


def float_size_cause(error: str, formula: str) -> str | None:
    """The output size computed with true division: (H - k) / stride + 1 is a float, which
    np.zeros and range() refuse; `formula` is the size written with floor division."""
    if not error.startswith(FLOAT_AS_SIZE):
        return None
    return (
        "the output size was computed with true division, /, which gives a float even "
        f"when the division is exact, and a float is no array size or loop bound: {formula}, "
        "with floor division //, is a whole number and drops the windows that do not fit"
    )
