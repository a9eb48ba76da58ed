"""`bench.day_selection` on a small home with a plan: one kept and one whole figure per
answer after the first (which decides the day), at each `--days-left`, the two decisions
equal, and the given home left as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench import day_selection
from bench.bankgen import generate_bank
from quiz.store import InterviewPlan, Store

SET_AT = datetime(2026, 12, 5, 23, 40, tzinfo=UTC)


def test_the_figures_of_a_run_on_a_small_planned_home(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = generate_bank(tmp_path / "bank", 12)
    home = tmp_path / "home"
    home.mkdir()
    with Store.open(home / "drillbit.db", now=SET_AT) as store:
        store.set_interview_plan(
            InterviewPlan(
                interview=SET_AT.date() + timedelta(days=6),
                minutes_per_day=20.0,
                target=0.9,
                created_at=SET_AT,
            )
        )
    figures = day_selection.measure(home, bank, days_left=5, answers=3)
    assert len(figures["kept"]) == len(figures["whole"]) == 2, "answers 2 and 3"
    assert all(value >= 0 for values in figures.values() for value in values)
    day_selection.main(
        ["--home", str(home), "--bank", str(bank), "--days-left", "5,1", "--answers", "2"]
    )
    printed = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in printed] == ["5 days left", "1 days left"]
    with Store.open(home / "drillbit.db", now=SET_AT) as store:
        assert store.reviews() == [], "the given home is left as it was (a copy is answered)"
