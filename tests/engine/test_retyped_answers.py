"""Every drill's reference answer, retyped into another form the wire carries, judged as the
app judges a child's result (the forty-second round's verdict-spoofing audit).

The app never runs submitted code: it judges the plain values the child's message holds. So
what a lying child can send is only what the wire can carry (floats, ints, bools, lists,
tuples, str-keyed dicts and arrays of a fixed table of numeric dtypes), and a changed encoder
in the child can send any of it. Here the reference's own float arrays are sent as a list,
another float width, bools, ints, with an axis added or removed, as NaN, or with one NaN or
inf among the right values: not one drill
passes such a result, right values or not. The same values in another layout (big-endian
bytes, a non-contiguous view, -0.0 for 0.0) are the plain data they claim to be and pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checks import Judgement
from engine.grade_inprocess import grade_inprocess
from tests.engine.answer_files import DRILLS

Mutation = Callable[[np.ndarray], np.ndarray | list[Any] | None]
"""A float array retyped, or None where the form would not change it (a 1-D array flattened)."""


def _non_contiguous(a: np.ndarray) -> np.ndarray:
    wide = np.zeros((*a.shape, 2))
    wide[..., 0] = a
    return wide[..., 0]


def _one(a: np.ndarray, value: float) -> np.ndarray | None:
    """`a` with its last element replaced by `value` (a NaN or inf among right values)."""
    if a.size == 0:
        return None
    out = a.copy()
    out.reshape(-1)[-1] = value
    return out


WRONG: dict[str, Mutation] = {
    "list": lambda a: a.tolist(),
    "float32": lambda a: a.astype(np.float32),
    "float16": lambda a: a.astype(np.float16),
    "longdouble": lambda a: a.astype(np.longdouble),
    "bool": lambda a: a.astype(bool),
    "int64": lambda a: np.rint(a).astype(np.int64),
    "axis-added": lambda a: a[..., None],
    "flattened": lambda a: a.reshape(-1) if a.ndim > 1 else None,
    "nan": lambda a: np.full_like(a, np.nan),
    "one-nan": lambda a: _one(a, np.nan),
    "one-inf": lambda a: _one(a, np.inf),
    "one-minus-inf": lambda a: _one(a, -np.inf),
}
"""Forms a float64 result may not take: each fails every drill that returns a float array."""

SAME: dict[str, Mutation] = {
    "big-endian": lambda a: a.astype(">f8"),
    "non-contiguous": _non_contiguous,
    "negative-zero": lambda a: np.where(a == 0, -0.0, a),
}
"""The same values laid out otherwise: they pass."""

ANY_DTYPE = {"nn.approx.approximate_sine", "nn.approx.xor_network"}
"""Drills whose results are weights the learner writes down: any numeric dtype is theirs to
choose (docs/architecture.md, `Judgement.array`'s float64=False), so the width forms pass."""
WIDTH_FORMS = {"float32", "float16", "longdouble", "int64"}

CHECKERS = sorted(set(DRILLS.values()))


def _retyped(value: Any, mutation: Mutation, changed: list[int]) -> Any:
    """`value` with every float array of one or more axes, at any depth, retyped."""
    if type(value) is np.ndarray and value.dtype.kind == "f" and value.ndim >= 1:
        out = mutation(value)
        if out is None:
            return value
        changed.append(1)
        return out
    if type(value) in (list, tuple):
        return type(value)(_retyped(item, mutation, changed) for item in value)
    if type(value) is dict:
        return {key: _retyped(item, mutation, changed) for key, item in value.items()}
    return value


def _verdict(name: str, mutation: Mutation) -> tuple[str, int]:
    """The status of the reference graded with its results retyped, and how many arrays were."""
    checker = get_checker(name)
    changed: list[int] = []

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        return lambda *args, **kwargs: _retyped(fn(*args, **kwargs), mutation, changed)

    fns = {entry: wrap(fn) for entry, fn in checker.reference().items()}
    verdict = grade_inprocess(checker, fns, seed=7)
    return verdict.status.value, len(changed)


@pytest.mark.parametrize("name", CHECKERS)
def test_no_drill_passes_its_answer_in_a_form_a_float64_result_may_not_take(name: str) -> None:
    reference = get_checker(name)
    assert grade_inprocess(reference, reference.reference(), seed=7).passed
    passed = []
    for form, mutation in WRONG.items():
        if name in ANY_DTYPE and form in WIDTH_FORMS:
            continue
        status, changed = _verdict(name, mutation)
        if changed and status == "passed":
            passed.append(form)
    assert not passed, f"{name} passed its answer as {passed}"


def _containers_swapped(value: Any, changed: list[int], *, rows: bool) -> Any:
    """`value` with each tuple or list sent as a str-keyed dict and each dict as a tuple of
    its values, at any depth; or, with `rows`, only each 2-D or deeper float array sent as a
    tuple of its rows (one change at a time, so no other one fails it first)."""
    if type(value) is np.ndarray and value.dtype.kind == "f" and value.ndim >= 2 and rows:
        changed.append(1)
        return tuple(value)
    inner = [_containers_swapped(item, changed, rows=rows) for item in _items(value)]
    if type(value) in (list, tuple):
        if rows:
            return type(value)(inner)
        changed.append(1)
        return {str(i): item for i, item in enumerate(inner)}
    if type(value) is dict:
        if rows:
            return dict(zip(value, inner, strict=True))
        changed.append(1)
        return tuple(inner)
    return value


def _items(value: Any) -> list[Any]:
    if type(value) in (list, tuple):
        return list(value)
    if type(value) is dict:
        return list(value.values())
    return []


@pytest.mark.parametrize("rows", [False, True], ids=["containers", "rows"])
@pytest.mark.parametrize("name", CHECKERS)
def test_no_drill_passes_its_answer_in_other_containers(name: str, rows: bool) -> None:
    """A dict where a tuple is asked, a tuple where a dict is, an array's rows as a tuple: the
    app takes the containers as sent and never reads one as another."""
    checker = get_checker(name)
    changed: list[int] = []

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        return lambda *args, **kwargs: _containers_swapped(fn(*args, **kwargs), changed, rows=rows)

    verdict = grade_inprocess(
        checker, {entry: wrap(fn) for entry, fn in checker.reference().items()}, seed=7
    )
    assert not (changed and verdict.passed), f"{name} passed its answer in other containers"


@pytest.mark.parametrize("name", CHECKERS)
def test_every_drill_passes_its_answer_laid_out_otherwise(name: str) -> None:
    for form, mutation in SAME.items():
        status, _ = _verdict(name, mutation)
        assert status == "passed", f"{name} failed its answer as {form}"


@pytest.mark.parametrize("value", [np.array(True), np.array([[False]])], ids=["0-d", "(1, 1)"])
def test_a_number_sent_as_a_bool_array_is_named_a_bool_array(value: np.ndarray) -> None:
    """A loss that came back as one True/False was told "should be a single number, got an
    array of shape ()": one number is what it is, and the words hid its dtype."""

    def body(j: Judgement) -> None:
        j.scalar("the loss", value)

    message = Judgement("c", "").run(body).message
    assert message == (
        f"the loss should be a number, got a bool array of shape {value.shape} (True/False,"
        " not a number): return the number the Task asks for"
    )
