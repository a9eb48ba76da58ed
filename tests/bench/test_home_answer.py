"""`bench.home_answer` on a small home with a plan: the figures it prints (cold, kept, one
count and one forecast per answer) and its `--json` line, which `--side` reads back from
each tree's child."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bench import home_answer
from bench.bankgen import generate_bank
from quiz.store import InterviewPlan, Store


def _planned_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    with Store.open(home / "drillbit.db", now=home_answer.CLOCK) as store:
        store.set_interview_plan(
            InterviewPlan(
                interview=home_answer.CLOCK.date() + timedelta(days=5),
                minutes_per_day=20.0,
                target=0.9,
                created_at=home_answer.CLOCK - timedelta(days=1),
            )
        )
    return home


def test_the_figures_of_a_run_on_a_small_planned_home(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = generate_bank(tmp_path / "bank", 12)
    home = _planned_home(tmp_path)
    home_answer.main(["--home", str(home), "--bank", str(bank), "--answers", "2", "--json"])
    figures = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert len(figures["cold"]) == 2 and len(figures["kept"]) == 1
    assert len(figures["count"]) == len(figures["forecast"]) == 2, "one of each per answer"
    assert all(value >= 0 for values in figures.values() for value in values)
    with Store.open(home / "drillbit.db", now=home_answer.CLOCK) as store:
        assert store.reviews() == [], "the given home is left as it was (a copy is answered)"
