"""`bench.plan_carry` on a small planned home, the last pass forced onto numpy (as on a
heavy home): one forecast watched, its days' looks matched with the day before's, the
order check run, and the plan code and DRILLBIT_HOME left as they were."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

import quiz.study.plan.bring_forward as bring_forward
import quiz.study.plan.placement as placement
import quiz.study.plan.stream_walk as stream_walk
from bench import plan_carry
from bench.bankgen import generate_bank
from quiz.store import InterviewPlan, Store
from quiz.study.scheduling import review_card


def _planned_home(tmp_path: Path) -> tuple[Path, Path]:
    bank = generate_bank(tmp_path / "bank", 240)
    home = tmp_path / "home"
    home.mkdir()
    set_at = plan_carry.CLOCK - timedelta(hours=1)
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open(home / "drillbit.db", now=set_at) as store:
        for number in range(
            240
        ):  # cards of the generated bank, every one seen over the last month: no
            # unseen card, so the last pass takes the days (a heavy home's forecast)
            when = set_at - timedelta(days=1 + number % 29, hours=number)
            rating = Rating.Good if number % 3 else Rating.Hard
            review_card(store, scheduler, f"card-{number:05d}", rating, now=when, correct=True)
        store.set_interview_plan(
            InterviewPlan(
                interview=set_at.date() + timedelta(days=20),
                minutes_per_day=30.0,
                target=0.99,
                created_at=set_at,
            )
        )
    return home, bank


def test_a_small_forecast_watched_day_by_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(placement, "NUMPY_LOOKS", 0)
    monkeypatch.setattr(placement, "NUMPY_LOOKS_LOADED", 0)
    sort, place = stream_walk._by_group_then_gain, vars(bring_forward)["fewest_looks"]
    home_was = os.environ["DRILLBIT_HOME"]
    home, bank = _planned_home(tmp_path)
    figures = {figure.name: figure for figure in plan_carry.measure(home, bank, check=20)}
    days = figures["plan_carry_kept_share"].params["last_pass_days"]
    assert days >= 2, "a forecast of several last-pass days"
    assert 0.0 < figures["plan_carry_kept_share"].value <= 1.0
    assert figures["plan_carry_out_of_order"].value == 0
    assert figures["plan_carry_out_of_order"].params["checked"] > 0
    assert figures["plan_carry_first_sort_ms"].value >= 0.0
    assert figures["plan_carry_first_gather_ms"].value >= 0.0
    printed = capsys.readouterr().out
    assert "first day: its sort" in printed
    assert printed.count(" kept, ") == days - 1, "each day after the first, order checked"
    assert (stream_walk._by_group_then_gain, vars(bring_forward)["fewest_looks"]) == (sort, place)
    assert os.environ["DRILLBIT_HOME"] == home_was, "the test's own home again"


def test_a_home_that_is_not_there_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        plan_carry.main(["--home", str(tmp_path / "nowhere"), "--bank", str(tmp_path)])
    assert stopped.value.code == 2
    assert "is not a directory" in capsys.readouterr().err
