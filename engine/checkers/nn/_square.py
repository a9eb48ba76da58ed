"""Naming a shape error that comes from swapping rows and columns.

Code that sums over the wrong axis, adds a column where a row was meant or indexes
[examples, classes] the other way round still runs when an input is square: the same
code then raises numpy's broadcast, matmul or index error on the first input whose
rows and columns differ, and a learner read only numpy's words about shapes they
never wrote. This says which input was not square, on which line the error came,
and the likely cause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import numpy as np

__all__ = ["SwappedAxes", "swapped_axes_cause"]

_SHAPE_ERRORS = re.compile(
    r"^ValueError: .*(could not be broadcast|mismatch in its core dimension|not aligned|"
    r"must match exactly|cannot reshape array)"
)
"""numpy's own words when two shapes do not fit together."""

_OUT_OF_BOUNDS = re.compile(
    r"^IndexError: index (-?\d+) is out of bounds for axis \d+ with size (\d+)"
)
_NUMBER = re.compile(r"\d+")
_USER_LINE = re.compile(r"line (\d+), in ")


def _matrices(
    inputs: dict[str, Any], name_of: Callable[[str], str]
) -> Iterator[tuple[str, tuple[int, int]]]:
    """(name, shape) of every 2-D input whose rows and columns differ, in argument order."""
    args = inputs.get("args")
    named = (
        [(name_of(f"args[{i}]"), v) for i, v in enumerate(args)]
        if isinstance(args, list)
        else list(inputs.items())
    )
    for name, value in named:
        if isinstance(value, np.ndarray) and value.ndim == 2 and value.shape[0] != value.shape[1]:
            yield str(name), (int(value.shape[0]), int(value.shape[1]))


def _fits(first_line: str, rows: int, cols: int) -> bool:
    """True when numpy's error is about this matrix's two sizes meeting each other."""
    bounds = _OUT_OF_BOUNDS.match(first_line)
    if bounds is not None:  # an index that is valid along the other axis
        index, size = int(bounds.group(1)), int(bounds.group(2))
        other = cols if size == rows else rows if size == cols else None
        return other is not None and 0 <= index < other
    if _SHAPE_ERRORS.match(first_line) is None:
        return False
    numbers = {int(n) for n in _NUMBER.findall(first_line)}
    return rows in numbers and cols in numbers


class SwappedAxes(NamedTuple):
    """The message for one case, and the part of it every case with this mistake shares."""

    message: str
    problem: str


def swapped_axes_cause(
    inputs: dict[str, Any], case_name: str, error: str, name_of: Callable[[str], str]
) -> SwappedAxes | None:
    """'fails when z's rows and columns differ (case 4: z of shape (6, 10)) ...' when `error`
    is numpy's shape complaint about the two sizes of a non-square input, else None. The
    shared problem leaves out the case and its shape, so the cases it fails read as one."""
    first_line = error.split("\n", 1)[0]
    for name, (rows, cols) in _matrices(inputs, name_of):
        if _fits(first_line, rows, cols):
            lines = _USER_LINE.findall(error)
            where = f" at line {lines[-1]}" if lines else ""
            case = case_name.split(":", 1)[0]
            kind = "an index" if first_line.startswith("IndexError") else "a shape"
            why = (
                f"numpy raised {kind} error{where}, so the code may swap rows and columns (an "
                "axis=0/axis=1, a [:, None] for a [None, :], a missing .T), which goes unnoticed "
                "while they are equal"
            )
            differ = f"fails when {name}'s rows and columns differ"
            return SwappedAxes(
                message=f"{differ} ({case}: {name} of shape ({rows}, {cols})): {why}",
                problem=f"{differ}: {why}",
            )
    return None
