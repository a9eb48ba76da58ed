"""The deep-training and architectures drills' tolerances, from both sides: the reference with
every float result moved by 4 units in the last place (what summing in another order or a
fused formula can give) passes, and moved by 1e-6 or 1e-3 of itself (a float32 step, a
gradient slightly off) fails. A tolerance loosened past 1e-6, or one so tight that rounding
fails, breaks this on the drill's name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess
from tests.engine.answer_files import DRILLS

PACKS = sorted(d for d, name in DRILLS.items() if name.startswith(("deep.", "arch.")))


def _scaled(fn: Callable[..., Any], factor: float) -> Callable[..., Any]:
    """fn with each float it returns (alone, in a tuple or list, or a dict's values) times
    factor; what a result holds inside, a cache, is left as it is."""

    def bump(value: Any) -> Any:
        if isinstance(value, np.ndarray) and value.dtype.kind == "f":
            return value * factor
        if isinstance(value, float):
            return value * factor
        if isinstance(value, dict):
            return {k: bump(v) for k, v in value.items()}
        return value

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        out = fn(*args, **kwargs)
        if isinstance(out, tuple | list):
            return type(out)(bump(v) for v in out)
        return bump(out)

    return wrapped


def _status(drill: str, factor: float) -> str:
    checker = get_checker(DRILLS[drill])
    fns = {name: _scaled(fn, factor) for name, fn in checker.reference().items()}
    return grade_inprocess(checker, fns, seed=0).status.value


def test_both_packs_are_here() -> None:
    assert len(PACKS) == 16


@pytest.mark.parametrize("drill", PACKS)
def test_rounding_passes_and_a_relative_error_of_1e_6_fails(drill: str) -> None:
    assert _status(drill, 1 + 4 * 2.0**-52) == "passed"
    assert _status(drill, 1 + 1e-6) == "failed"
    assert _status(drill, 1 - 1e-3) == "failed"
