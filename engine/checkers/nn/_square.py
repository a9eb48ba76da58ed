"""Naming a shape error that comes from swapping two axes of an input.

Code that sums over the wrong axis, adds a column where a row was meant or indexes
[examples, classes] the other way round still runs when an input is square: the same
code then raises numpy's broadcast, matmul or index error on the first input whose
rows and columns differ, and a learner read only numpy's words about shapes they
never wrote. This says which input was not square, on which line the error came,
and the likely cause. A batched input (3-D or more: a stack of sequences, a batch of
images) has no rows and columns to speak of: there the two axes numpy's sizes point
at are named by number, with their sizes.
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
_TWO_SIZES = (
    re.compile(r"\(size (\d+) is different from (\d+)\)"),  # matmul
    re.compile(r"not aligned: (\d+) \(dim \d+\) != (\d+) \(dim \d+\)"),  # np.dot
    re.compile(r"has size (\d+) and the array at index \d+ has size (\d+)"),  # concatenate
)
"""numpy's errors that name the two sizes that did not fit, and nothing else."""
_BROADCAST_SHAPES = re.compile(
    r"^ValueError: (?:operands could not be broadcast together with|could not broadcast input "
    r"array from) (?:remapped )?shapes?(.*)$"
)
_SHAPE = re.compile(r"\(([\d,\s]*)\)")
_REMAPPED = re.compile(r"->\(((?:\d+|newaxis|[,\s])*)\)")
"""One operand's shape in a broadcast error; einsum's remapped one follows a '->'."""
_USER_LINE = re.compile(r"line (\d+), in ")


def _named_inputs(inputs: dict[str, Any], name_of: Callable[[str], str]) -> list[tuple[str, Any]]:
    """Every input with its parameter's name, in argument order."""
    args = inputs.get("args")
    if isinstance(args, list):
        return [(name_of(f"args[{i}]"), v) for i, v in enumerate(args)]
    return list(inputs.items())


def _matrices(
    inputs: dict[str, Any], name_of: Callable[[str], str]
) -> Iterator[tuple[int, str, tuple[int, int]]]:
    """(place, name, shape) of every 2-D input whose rows and columns differ, in argument
    order (place: its index in that order)."""
    for place, (name, value) in enumerate(_named_inputs(inputs, name_of)):
        if isinstance(value, np.ndarray) and value.ndim == 2 and value.shape[0] != value.shape[1]:
            yield place, str(name), (int(value.shape[0]), int(value.shape[1]))


def _fits(first_line: str, rows: int, cols: int) -> bool:
    """True when numpy's error is about this matrix's two sizes meeting each other: where
    the error names the sizes that met, those sizes must be this matrix's rows and columns
    (an einsum's error also lists every other operand's shape, whose sizes pin nothing);
    where it does not, both sizes must be among its numbers."""
    bounds = _OUT_OF_BOUNDS.match(first_line)
    if bounds is not None:  # an index that is valid along the other axis
        index, size = int(bounds.group(1)), int(bounds.group(2))
        other = cols if size == rows else rows if size == cols else None
        return other is not None and 0 <= index < other
    if _SHAPE_ERRORS.match(first_line) is None:
        return False
    clashes = _clashes(first_line)
    if clashes:
        return any(_axes_holding((rows, cols), clash) is not None for clash in clashes)
    numbers = {int(n) for n in _NUMBER.findall(first_line)}
    return rows in numbers and cols in numbers


class SwappedAxes(NamedTuple):
    """The message for one case, and the part of it every case with this mistake shares."""

    message: str
    problem: str


def _shapes_in(listed: str) -> list[tuple[int, ...]]:
    """The operand shapes in a broadcast error's text: of einsum's 'original->remapped'
    pairs, the remapped one (whose 'newaxis' broadcasts, like a 1)."""
    found = _REMAPPED.findall(listed) if "->" in listed else _SHAPE.findall(listed)
    return [
        tuple(1 if n.strip() == "newaxis" else int(n) for n in text.split(",") if n.strip())
        for text in found
    ]


class Clash(NamedTuple):
    """Two sizes numpy's shape error put against each other, and where, when it says."""

    sizes: tuple[int, int]
    offset: int | None
    """The axis, counted from the end (-1 the last), where the broadcast shapes differ;
    None for an error that does not say (matmul, dot, concatenate, einsum's remapped shapes):
    then only an input's last two axes are named, where a matrix product meets them."""


def _clashes(first_line: str) -> list[Clash]:
    """The sizes numpy's shape error puts against each other: the two it names, or, for a
    broadcast, the sizes (neither 1) that differ at one place of the right-aligned shapes."""
    for pattern in _TWO_SIZES:
        found = pattern.search(first_line)
        if found is not None:
            return [Clash((int(found.group(1)), int(found.group(2))), None)]
    listed = _BROADCAST_SHAPES.match(first_line)
    if listed is None:
        return []
    remapped = "->" in listed.group(1)  # einsum's own axis order, not the inputs'
    shapes = _shapes_in(listed.group(1))
    clashes: list[Clash] = []
    for i, first in enumerate(shapes):
        for second in shapes[i + 1 :]:
            for back, (a, b) in enumerate(zip(reversed(first), reversed(second), strict=False)):
                clash = Clash((a, b), None if remapped else -1 - back)
                if a != b and a != 1 and b != 1 and clash not in clashes:
                    clashes.append(clash)
    return clashes


def _axes_holding(shape: tuple[int, ...], clash: Clash) -> tuple[int, int] | None:
    """The two axes of `shape` with the clash's sizes, in axis order; None unless each size
    is along exactly one axis (with a size along two axes, which one met the other is
    unknown) and one of them is where numpy said the shapes differ or, where it did not
    say, they are the last two (an image's batch and channel sizes met at its width, or
    in an einsum, are no swap of the image's axes)."""
    first, second = ([a for a, n in enumerate(shape) if n == size] for size in clash.sizes)
    if len(first) != 1 or len(second) != 1:
        return None
    axes = (first[0], second[0]) if first[0] < second[0] else (second[0], first[0])
    if clash.offset is None:
        return axes if axes == (len(shape) - 2, len(shape) - 1) else None
    return axes if len(shape) + clash.offset in axes else None


def _batched_cause(
    inputs: dict[str, Any],
    case_name: str,
    error: str,
    name_of: Callable[[str], str],
    before: int | None = None,
) -> SwappedAxes | None:
    """The message for the batched inputs (3-D or more; of the first `before` inputs only,
    when given) two of whose axes hold the two sizes numpy's shape error put against each
    other: those axes by number, with the sizes, never 'rows and columns' (in a batch of
    images axis 2 is the height)."""
    for clash in _clashes(error.split("\n", 1)[0]):
        found = [
            (name, tuple(int(n) for n in value.shape), axes)
            for name, value in _named_inputs(inputs, name_of)[:before]
            if isinstance(value, np.ndarray)
            and value.ndim >= 3
            and (axes := _axes_holding(value.shape, clash)) is not None
        ]
        if not found:
            continue
        lines = _USER_LINE.findall(error)
        where = f" at line {lines[-1]}" if lines else ""
        case = case_name.split(":", 1)[0]
        which = " or ".join(f"{name}'s axes {i} and {k}" for name, _, (i, k) in found)
        shapes = ", ".join(f"{name} of shape {shape}" for name, shape, _ in found)
        why = (
            "so the code may use one of these axes where the other was meant (an axis=, a "
            "swapaxes or a transpose with the wrong axes; a .T, which reverses every axis of a "
            "batched array, not only the last two), which goes unnoticed while their sizes "
            "are equal"
        )
        return SwappedAxes(
            message=(
                f"fails when {which} differ in size ({case}: {shapes}): numpy raised a shape "
                f"error{where} that puts a size {clash.sizes[0]} against a size "
                f"{clash.sizes[1]}, {why}"
            ),
            problem=f"fails when {which} differ in size: numpy raised a shape error, {why}",
        )
    return None


_PRODUCT = re.compile(r"^ValueError: (matmul: |shapes \(.*\) and \(.*\) not aligned)")
_CONCATENATE = re.compile(r"^ValueError: all the input array dimensions")
GUESS = "(an axis=0/axis=1, a [:, None] for a [None, :], a missing .T)"
"""The swaps that raise such an error, listed when the error's own form does not pick one."""


def _broadcast_operand(first_line: str, rows: int, cols: int) -> str | None:
    """What the operand set against a (rows, cols) input in numpy's broadcast error is, said
    by its form: one value per row or per column, as a vector, a column or a row; the input
    transposed. None for another form (then only the sizes say a swap)."""
    listed = _BROADCAST_SHAPES.match(first_line)
    if listed is None or "->" in listed.group(1):
        return None
    shapes = _shapes_in(listed.group(1))
    if (rows, cols) not in shapes:
        return None
    others = [shape for shape in shapes if shape != (rows, cols)]
    if (cols, rows) in others:
        return (
            "an array shaped like it transposed met it elementwise: a .T missing or one too "
            "many, on it or on what it is combined with"
        )
    if (rows,) in others:
        return (
            "a vector of one value per row (as a reduction over axis 1 without "
            "keepdims=True gives) met its columns, since broadcasting lines up the last "
            "axes: keep the reduced axis, keepdims=True or [:, None]"
        )
    if (cols, 1) in others:
        return (
            "a column of one value per column (as a reduction over axis 0 made a column "
            "with [:, None] gives) met its rows: the values per row come from axis=1, and "
            "values per column broadcast as a row, [None, :] or keepdims=True on axis 0"
        )
    if (1, rows) in others:
        return (
            "a row of one value per row (as a reduction over axis 1 made a row with "
            "[None, :] gives) met its columns: values per row broadcast as a column, "
            "[:, None] or keepdims=True on axis 1"
        )
    return None


def _recognised(first_line: str, name: str, rows: int, cols: int) -> str:
    """The swap that numpy's error, by its form, shows in code given a (rows, cols) input
    called `name`, or, where the form shows none, what was checked: that the sizes it put
    against each other are the input's rows and columns. Worded without the sizes, so that
    every case of one mistake says the same."""
    bounds = _OUT_OF_BOUNDS.match(first_line)
    if bounds is not None:
        size = int(bounds.group(2))
        fits, along = ("rows", "columns") if size == cols else ("columns", "rows")
        return (
            f"an index that fits {name}'s {fits} went along an axis as long as its {along} "
            "(an index array from an argmax or argmin over the wrong axis, or an [i, j] the "
            "wrong way round)"
        )
    if _PRODUCT.match(first_line):
        return (
            f"a matrix product met {name}'s rows where its columns belong: an operand needs a "
            ".T (or has one too many), or the two are multiplied in the other order"
        )
    if _CONCATENATE.match(first_line):
        return (
            f"a concatenate or stack met {name}'s rows against its columns: the arrays are "
            "joined along the wrong axis, or one of them is transposed"
        )
    operand = _broadcast_operand(first_line, rows, cols)
    if operand is not None:
        return f"against {name}, {operand}"
    return (
        f"the sizes it put against each other are {name}'s rows and columns, which some swap "
        f"of its axes explains {GUESS}, though the error's form does not show which"
    )


def swapped_axes_cause(
    inputs: dict[str, Any], case_name: str, error: str, name_of: Callable[[str], str]
) -> SwappedAxes | None:
    """'fails when z's rows and columns differ (case 4: z of shape (6, 10)) ...' when `error`
    is numpy's shape complaint about the two sizes of a non-square input, else None. The
    shared problem leaves out the case and its shape, so the cases it fails read as one.
    A batched input whose axes fit comes first when it comes first in the arguments: a 2-D
    mask after a batched K is no likelier the cause for having rows and columns."""
    first_line = error.split("\n", 1)[0]
    for place, name, (rows, cols) in _matrices(inputs, name_of):
        if _fits(first_line, rows, cols):
            batched = _batched_cause(inputs, case_name, error, name_of, before=place)
            if batched is not None:
                return batched
            lines = _USER_LINE.findall(error)
            where = f" at line {lines[-1]}" if lines else ""
            case = case_name.split(":", 1)[0]
            kind = "an index" if first_line.startswith("IndexError") else "a shape"
            why = (
                f"numpy raised {kind} error{where}: {_recognised(first_line, name, rows, cols)}; "
                "while the rows and columns are equal this goes unnoticed"
            )
            differ = f"fails when {name}'s rows and columns differ"
            return SwappedAxes(
                message=f"{differ} ({case}: {name} of shape ({rows}, {cols})): {why}",
                problem=f"{differ}: {why}",
            )
    return _batched_cause(inputs, case_name, error, name_of)
