"""A naive exp-based answer computed in np.longdouble (x86's 80-bit type, whose exp stays
finite up to about 11356) passed the stability drills, whose large inputs stopped at 1e4.
Their cases now reach past that limit; a failing case names the inputs that lie there.
The answers themselves are in tests/data/answers (`wrong_*longdouble*`, `correct_longdouble_*`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.wide_float import (
    FAR,
    LONGDOUBLE_EXP_LIMIT,
    beyond_longdouble,
    far_values,
)
from engine.grade_inprocess import grade_inprocess, load_submission
from engine.verdict import Verdict
from tests.engine.answer_files import ANSWERS, DRILLS

WIDE = np.finfo(np.longdouble).maxexp > np.finfo(np.float64).maxexp
"""np.longdouble is wider than float64 here (x86 Linux); on others it is float64 itself."""

NAIVE_IN_LONGDOUBLE = sorted(ANSWERS.glob("*/wrong_*longdouble*.py"))
STABLE_IN_LONGDOUBLE = sorted(ANSWERS.glob("*/correct_longdouble_*.py"))


def _graded(path: Path, seed: int) -> Verdict:
    checker = get_checker(DRILLS[path.parent.name])
    fns = load_submission(path.read_text(encoding="utf-8"), checker.entries)
    return grade_inprocess(checker, fns, seed=seed)


def test_the_far_values_are_past_long_doubles_exp_on_every_seed() -> None:
    for seed in range(20):
        values = far_values(np.random.default_rng(seed), 12)
        assert values.size == 12 and np.all(np.abs(values) > LONGDOUBLE_EXP_LIMIT)
        for magnitude in FAR:  # each magnitude with both signs, whatever the seed
            assert {-magnitude, magnitude} <= set(values.tolist())


@pytest.mark.skipif(not WIDE, reason="np.longdouble is plain float64 on this machine")
def test_long_doubles_exp_overflows_at_the_limit_and_not_below() -> None:
    with np.errstate(over="raise"):
        np.exp(np.longdouble(LONGDOUBLE_EXP_LIMIT - 1))  # finite: the drills' old 1e4 was too
        with pytest.raises(FloatingPointError):
            np.exp(np.longdouble(FAR[0]))


def test_the_note_names_the_inputs_nearest_the_limit_first() -> None:
    z = np.array([[1e300, -2e4, 3.0, 2e4, -1e6, 1e4, -1e300]])
    note = beyond_longdouble(z)
    assert note is not None
    assert "z = -20000, 20000, -1e+06, -1e+300 and 1 more" in note
    assert beyond_longdouble(np.array([-1e4, 710.0, 0.0])) is None  # all within its reach


@pytest.mark.skipif(not WIDE, reason="np.longdouble is plain float64 on this machine")
@pytest.mark.parametrize("path", NAIVE_IN_LONGDOUBLE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_naive_form_in_long_double_fails_only_past_its_reach_and_says_where(path: Path) -> None:
    """Every case within long double's reach passes (the hole was real), and the first
    failure names inputs past 11356, with the words for why a wider type is no cure."""
    for seed in (0, 1, 7):
        verdict = _graded(path, seed)
        first = verdict.first_failure
        assert first is not None, f"seed {seed}: {verdict.summary}"
        assert "where even np.longdouble's exp" in first.message, first.message
        assert "a wider type only moves the limit" in first.message
        assert "reaches past 11356 in size (" in first.message
        index = [c.name for c in verdict.cases].index(first.name)
        assert all(c.status.value == "passed" for c in verdict.cases[:index])


@pytest.mark.parametrize("path", STABLE_IN_LONGDOUBLE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_stable_form_in_long_double_passes(path: Path) -> None:
    """The cases punish the naive form, not the wider type: cast back to float64 it passes."""
    assert _graded(path, 3).passed
