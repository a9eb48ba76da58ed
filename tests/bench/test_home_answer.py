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


def test_two_runs_in_a_row_both_compute_their_forecasts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second run used to take the forecasts the first kept in the caller's
    DRILLBIT_HOME (same clock, same answers, same keys) and print a look-up: now each run
    works in its copy of HOME with no kept forecast, and the caller's home is not touched."""
    import os

    from quiz import plan_file
    from quiz.paths import HOME_ENV

    bank = generate_bank(tmp_path / "bank", 12)
    home = _planned_home(tmp_path)
    caller_home = Path(os.environ[HOME_ENV])
    taken: list[bool] = []
    real_taken = plan_file.ForecastFile.taken

    def spying(self: plan_file.ForecastFile, key: str) -> object:
        found = real_taken(self, key)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(plan_file.ForecastFile, "taken", spying)
    for run in (1, 2):
        home_answer.main(["--home", str(home), "--bank", str(bank), "--answers", "2", "--json"])
        assert taken and not any(taken), f"run {run} took a kept forecast instead of computing"
        taken.clear()
    capsys.readouterr()
    assert os.environ[HOME_ENV] == str(caller_home), "the caller's DRILLBIT_HOME is put back"
    assert not plan_file.cache_path().exists(), "no forecast kept in the caller's home"


def test_a_forecast_kept_in_the_given_home_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """HOME's own cache (copied with it) may hold the forecast of the same inputs, kept by
    the app: the run removes it from its copy and computes; HOME's file stays as it was."""
    from quiz import plan_file
    from quiz.paths import HOME_ENV
    from quiz.workspace import Workspace

    bank = generate_bank(tmp_path / "bank", 12)
    home = _planned_home(tmp_path)
    monkeypatch.setenv(HOME_ENV, str(home))
    workspace = Workspace.open(
        [bank], store_path=home / "drillbit.db", clock=lambda: home_answer.CLOCK
    )
    workspace.plan_status(with_forecast=True)
    workspace.close()
    kept = home / "cache" / plan_file.FILE_NAME
    assert kept.exists(), "the app keeps the cold forecast in HOME's cache"
    before = kept.read_bytes()
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "caller"))
    taken: list[bool] = []
    real_taken = plan_file.ForecastFile.taken

    def spying(self: plan_file.ForecastFile, key: str) -> object:
        found = real_taken(self, key)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(plan_file.ForecastFile, "taken", spying)
    home_answer.main(["--home", str(home), "--bank", str(bank), "--answers", "1", "--json"])
    capsys.readouterr()
    assert taken and not any(taken), "the forecast HOME kept was taken, not computed"
    assert kept.read_bytes() == before, "HOME's kept forecasts are left as they were"
