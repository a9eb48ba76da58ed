"""Helpers the architectures checkers share: shape diagnosis and numerical-gradient checks."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.checks import Axes, Judgement, Tolerance, type_phrase
from engine.nn.gradcheck import numerical_gradient

__all__ = [
    "NUMERIC_TOL",
    "WINDOWS_RIGHT",
    "SpatialAxis",
    "holds",
    "narrowed_by_values",
    "one_axis_stride_message",
    "size_without_stride_message",
    "stride_on_one_axis",
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


ValueModel = np.ndarray | Callable[[], np.ndarray]
"""What a mistake leaves in a result: the array itself, or a call that computes it."""


def holds(models: Sequence[ValueModel], got: Any, tol: Tolerance) -> bool:
    """Whether one of a mistake's value models is what `got` holds: the same shape and every
    entry within `tol`. A model given as a call is computed here; one that raises
    ValueError or IndexError (a mistake this case's sizes do not allow) holds nothing.

    The one step by which conv2d's and maxpool's size mistakes and embedding's dW shapes are
    narrowed on their values; what each then keeps differs (see their docstrings)."""
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "biuf":
        return False
    for model in models:
        try:
            value = model() if callable(model) else model
        except (ValueError, IndexError):
            continue
        if value.shape == got.shape and np.all(tol.violation(got.astype(np.float64), value) <= 1.0):
            return True
    return False


def narrowed_by_values(
    fitting: Sequence[str],
    got: np.ndarray,
    expected: np.ndarray,
    models: Mapping[str, Sequence[ValueModel]],
    tol: Tolerance,
    *,
    formulas_too: Sequence[str] = (),
    held_together: Mapping[frozenset[str], str] | None = None,
) -> list[str]:
    """Which of `fitting`, the size mistakes a sliding-window result's wrong shape fits
    (two or more), its values leave: conv2d's and maxpool's shared narrowing.

    A mistake that is also one of the computation has value models in `models`: every one
    whose model `got` holds is kept (a pair of them in `held_together` is said as the one
    message given for it). None holding, the slips of the size formula alone (no model,
    or one of `formulas_too`) keep the right windows: when got's windows are the expected
    ones where both grids have them, those slips are kept and, two or more, said with
    the message that the values cannot tell them apart; when not, the slips without a
    model stay (every fitting one when there are none)."""
    held = [m for m in fitting if holds(models.get(m, ()), got, tol)]
    if held:
        joined = (held_together or {}).get(frozenset(held))
        return [joined] if joined is not None else held
    unmodelled = [m for m in fitting if m not in models]
    if not same_windows(got, expected, tol):
        return unmodelled or list(fitting)
    formulas = [m for m in fitting if m not in models or m in formulas_too]
    if len(formulas) < 2:
        return formulas or list(fitting)
    return [windows_right_message(got.shape, expected.shape, formulas)]


@dataclass(frozen=True)
class SpatialAxis:
    """One spatial axis of a sliding-window result, as its messages write it: the output
    size's name ("Ho"), what its windows make ("rows"), and the length the windows slide
    over ("H + 2*pad - KH", "H - size") that the size formula divides by the stride."""

    size: str
    noun: str
    span: str

    def reading(self, message: str, rows: SpatialAxis) -> str:
        """A size slip written for the rows, `message`, read on this axis only."""
        if self is rows:
            return f"on the height only, {self.size}: {message}"
        return f"on the width only, {self.size}: " + message.replace(rows.span, self.span)


ONE_AXIS_STRIDE = (
    "the stride is used on the {used} only: along the {unused} the windows step by 1, and "
    "{size} = {span} + 1 counts every position; they step by the stride both ways: "
    "{window}, and {size} = ({span})//stride + 1"
)
"""A result whose windows step by the stride along one axis and by 1 along the other."""


def stride_on_one_axis(
    got: Any,
    tol: Tolerance,
    rows_only: Sequence[ValueModel],
    columns_only: Sequence[ValueModel],
    neither: Sequence[ValueModel],
) -> str | None:
    """ "rows" or "columns": the one axis whose windows step by the stride in `got` (the
    windows of the other step by 1), or None. `neither` is the result whose windows step by
    1 both ways: where one window across (or down) makes it the same, that reading stands."""
    if holds(neither, got, tol):
        return None
    for used, models in (("rows", rows_only), ("columns", columns_only)):
        if holds(models, got, tol):
            return used
    return None


def one_axis_stride_message(used: str, rows: SpatialAxis, columns: SpatialAxis, window: str) -> str:
    """What a result whose windows step by the stride along the `used` axis only is told;
    `window` says how window (i, j) is sliced."""
    unused = columns if used == "rows" else rows
    return ONE_AXIS_STRIDE.format(
        used=used, unused=unused.noun, size=unused.size, span=unused.span, window=window
    )


def size_without_stride_message(
    slipped: Sequence[tuple[SpatialAxis, int, int]], stride: int, edge: str, outcome: str
) -> str:
    """A crash inside the window loop where an output size was counted without the stride
    while the windows still step by it: each of `slipped` is (axis, the count without the
    stride, the count with it), more than one where numpy's error does not show the axis.
    The windows past the right count start beyond `edge` and come out `outcome` (which says
    why that raised)."""
    has = " or ".join(f"{a.span} + 1 = {n} {a.noun}" for a, n, _ in slipped)
    which = " (numpy's error does not show which)" if len(slipped) > 1 else ""
    due = ", ".join(f"{a.size} = ({a.span})//stride + 1 = {d}" for a, _, d in slipped)
    return (
        f"your output has {has}{which} but the windows step by stride {stride}: the size "
        f"needs the stride, {due}; the windows past that count start beyond {edge} and come "
        f"out {outcome}"
    )


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
