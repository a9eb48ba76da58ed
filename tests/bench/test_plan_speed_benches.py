"""The thirty-eighth round's side-by-side benches: `bench.plan_memory` (the plan's read of
every card's memory, parsed each time vs kept) and `bench.plan_rankings` (two trees'
`fewest_looks` on the same inputs): their flags, and a small run of each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from bench import plan_memory, plan_rankings
from bench.common import REPO
from quiz.paths import database_path
from quiz.store import Store
from quiz.study.plan.looks import CandidateLooks
from quiz.study.scheduling import review_card
from tests.study.fakes import deck

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_plan_memory_compares_both_reads_on_a_small_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRILLBIT_HOME", str(tmp_path))
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open(database_path(), now=NOW) as store:
        for number, card in enumerate(deck()):
            when = NOW - timedelta(days=number + 1)
            review_card(store, scheduler, card.id, Rating.Good, now=when, correct=True)
    logged: list[str] = []
    figures = {figure.name: figure for figure in plan_memory.measure(tmp_path, 2, logged.append)}
    assert set(figures) == {
        "plan_memory_parsed_each_time_cpu_ms",
        "plan_memory_kept_cpu_ms",
        "plan_memory_ratio",
    }
    assert figures["plan_memory_ratio"].params == {"cards": len(deck()), "rounds": 2}
    assert len(logged) == 2


@pytest.mark.parametrize(
    "argv, said",
    [
        (["--base", "nowhere"], "not a drillbit tree"),
        (["--base", str(REPO), "--home", "h"], "--home and --bank go together"),
        (["--base", str(REPO), "--rounds", "0"], "one or more"),
    ],
)
def test_plan_rankings_refuses_bad_flags(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        plan_rankings.main([*argv, "--out", str(tmp_path / "r.json")])
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


def _looks() -> CandidateLooks:
    """Six cards' looks over three days, ranked and placed by either tree."""
    looks = CandidateLooks()
    for card in range(6):
        number = looks.number(f"card-{card}", unseen=card == 5)
        for day in range(3):
            looks.cards.append(number)
            looks.days.append(day)
            looks.gains.append(0.01 * (card + 1) * (day + 1))
            looks.costs.append(30.0 if card % 2 else 300.0)
    return looks


def test_plan_rankings_times_both_trees_on_the_same_inputs() -> None:
    inputs = [(_looks(), [400.0, 600.0, 600.0], 1.0, 4.0)]
    logged: list[str] = []
    figures = plan_rankings.measure(inputs, REPO, 2, logged.append)
    names = [figure.name for figure in figures]
    assert names == ["plan_rankings_this_cpu_s", "plan_rankings_base_cpu_s", "plan_rankings_ratio"]
    assert figures[-1].params == {"days_placed": 1, "rounds": 2, "looks": 18}
    assert len(logged) == 2
