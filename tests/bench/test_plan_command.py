"""`python -m bench --plan-command` (bench/plan_command.py): its flags, and a child run at
one fixed clock, which is what lets two trees' outputs be compared byte for byte."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench import plan_command
from bench.common import REPO

CLOCK = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize("days", ["0", "14,x", ""])
def test_days_that_are_not_whole_days_ahead_are_refused(
    days: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        plan_command.main(["--plan-command", "--days", days, "--out", str(tmp_path / "r.json")])
    assert stopped.value.code == 2
    assert "--days" in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()


def test_a_base_that_is_not_a_drillbit_tree_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        plan_command.main(["--plan-command", "--base", str(tmp_path)])
    assert stopped.value.code == 2
    assert "not a drillbit tree" in capsys.readouterr().err


def test_a_child_at_the_fixed_clock_prints_the_same_plan_each_time(
    mini_bank: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    interview = (CLOCK.date() + timedelta(days=10)).isoformat()
    content = ["--content", str(mini_bank)]
    plan_command._run(REPO, home, CLOCK, [*content, "plan", "--interview", interview])
    cpu, wall, first = plan_command._run(REPO, home, CLOCK, [*content, "plan", "--json"])
    _, _, again = plan_command._run(REPO, home, CLOCK, [*content, "plan", "--json"])
    assert first == again
    assert b'"days_left": 10' in first  # planned from the fixed clock, not the wall's
    assert 0 < cpu and 0 < wall
    with pytest.raises(RuntimeError, match="plan"):
        plan_command._run(REPO, home, CLOCK, [*content, "plan", "--minutes-per-day", "0"])
