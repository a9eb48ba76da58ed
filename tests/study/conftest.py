"""Fixtures for study tests: a temp store and a deterministic scheduler."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fsrs import Scheduler

from quiz.store import Store
from quiz.study.plan.curve import RecallCache
from tests.study.fakes import NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh database in the test's temp dir."""
    opened = Store.open(tmp_path / "drillbit.db", now=NOW)
    yield opened
    opened.close()


@pytest.fixture
def other(store: Store) -> Iterator[Store]:
    """A second connection to the same database: another drillbit process."""
    opened = Store.open(store.path, now=NOW)
    yield opened
    opened.close()


@pytest.fixture
def scheduler() -> Scheduler:
    """fsrs with fuzzing off, so intervals are exact and repeatable."""
    return Scheduler(enable_fuzzing=False)


@pytest.fixture
def earlier_given(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """For each RecallCache made, whether it was given an earlier one's recalls (the
    plan cache's tests: a forecast reuses what the previous one priced)."""
    made: list[bool] = []
    real = RecallCache.__init__

    def recording(self: RecallCache, earlier: RecallCache | None = None) -> None:
        made.append(earlier is not None)
        real(self, earlier)

    monkeypatch.setattr(RecallCache, "__init__", recording)
    yield made
