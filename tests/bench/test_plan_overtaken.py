"""`bench.plan_overtaken` on a small home with a plan: both paths measured, their figures
merged into the results file, and every run's last forecast equal to a cold one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import home_answer, plan_overtaken
from bench.bankgen import generate_bank
from quiz.store import Store
from tests.bench.test_home_answer import _planned_home


def test_both_paths_are_measured_and_give_the_cold_forecast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = generate_bank(tmp_path / "bank", 12)
    home = _planned_home(tmp_path)
    out = tmp_path / "results.json"
    argv = ["--home", str(home), "--bank", str(bank), "--answers", "2", "--gap", "0"]
    assert plan_overtaken.main([*argv, "--rounds", "1", "--out", str(out)]) == 0
    figures = {f["name"]: f for f in json.loads(out.read_text())["figures"]}
    assert {f["section"] for f in figures.values()} == {plan_overtaken.SECTION}
    assert figures["forecast_equals_cold"]["value"] == 1.0
    for path in plan_overtaken.PATHS:
        assert figures[f"forecast_cpu_ms_per_answer_{path}"]["value"] > 0
    printed = capsys.readouterr().out
    assert printed.count("last forecast == cold: True") == 2, printed
    with Store.open(home / "drillbit.db", now=home_answer.CLOCK) as store:
        assert store.reviews() == [], "the given home is left as it was (a copy is answered)"


def test_a_home_without_a_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        plan_overtaken.main(["--home", str(tmp_path), "--bank", str(tmp_path)])
    assert "holds no drillbit.db" in capsys.readouterr().err
