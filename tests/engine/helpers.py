"""Assertions shared by the engine's message tests, written once so the suites that pin a
wrong answer's messages cannot drift apart in how strictly they check them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from engine.checkers.base import Checker
from engine.grade_inprocess import grade_inprocess


def assert_every_failing_case_fits_a_kind(
    checker: Checker,
    fns: Mapping[str, Callable[..., Any]],
    kinds: Sequence[tuple[str, ...]],
    seeds: Iterable[int],
) -> None:
    """For every seed some case fails, every failing case's message holds all the phrases of
    one of `kinds`, and every kind is given somewhere (so a table of kinds cannot go stale).

    A message that lost a hint or any of its words on a later case fails here, where a check
    of the first failure alone would not see it."""
    seen: set[int] = set()
    for seed in seeds:
        failing = [c for c in grade_inprocess(checker, fns, seed=seed).cases if c.message]
        assert failing, f"seed {seed}: no case failed"
        for case in failing:
            fits = [k for k, phrases in enumerate(kinds) if all(p in case.message for p in phrases)]
            assert fits, f"seed {seed}, {case.name}: {case.message}"
            seen.update(fits)
    assert seen == set(range(len(kinds)))
