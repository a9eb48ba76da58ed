"""`watch`, `hint` and `grade` given no DRILL (or no FILE), as a rustlings user types them:
the refusal names the drill `drillbit drill` would open and the command to type, where it
said only `Missing argument 'DRILL'`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import Store
from tests.conftest import RunDrillbit


def _drill_ids(drillbit: RunDrillbit) -> list[str]:
    return [row["id"] for row in json.loads(drillbit("drills", "--json").stdout)["drills"]]


def _pass(drill_id: str) -> None:
    with Store.open() as store:
        store.record_attempt(
            card_id=drill_id,
            status="passed",
            verdict_json='{"status": "passed"}',
            attempted_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
            duration_ms=14.0,
        )


def _one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (("watch",), "`drillbit watch {0} {0}.py` writes its starter code there"),
        (("hint",), "`drillbit hint {0}` shows its first hint"),
        (("grade",), "`drillbit grade {0} FILE` grades FILE once"),
    ],
)
def test_a_missing_drill_is_refused_with_the_first_one_not_passed_yet(
    drillbit: RunDrillbit, args: tuple[str, ...], command: str
) -> None:
    first, second = _drill_ids(drillbit)[:2]
    _pass(first)
    result = drillbit(*args)
    assert result.returncode == 2
    said = _one_line(result.stderr)
    assert said.startswith("drillbit: Missing argument 'DRILL'.")
    assert f"The first drill not passed yet is {second}: {command.format(second)}" in said


def test_hint_without_a_drill_reveals_no_hint(drillbit: RunDrillbit) -> None:
    first = _drill_ids(drillbit)[0]
    assert drillbit("hint").returncode == 2
    seen = drillbit("hint", first, "--seen")
    assert "No hint seen since the last pass" in seen.stdout


def test_with_every_drill_passed_a_missing_drill_says_so(drillbit: RunDrillbit) -> None:
    for drill_id in _drill_ids(drillbit):
        _pass(drill_id)
    result = drillbit("watch")
    assert result.returncode == 2
    assert "Every drill is passed: `drillbit drills` lists them." in _one_line(result.stderr)


@pytest.mark.parametrize("command", ["watch", "grade"])
def test_a_missing_file_is_refused_with_the_watch_command_that_writes_one(
    drillbit: RunDrillbit, tmp_path: Path, command: str
) -> None:
    result = drillbit(command, "sigmoid", cwd=tmp_path)
    assert result.returncode == 2
    said = _one_line(result.stderr)
    assert said.startswith("drillbit: Missing argument 'FILE', the file to grade:")
    assert "`drillbit watch sigmoid sigmoid.py` writes its starter code there" in said
    assert list(tmp_path.iterdir()) == []  # nothing written on a refusal


def test_a_missing_drill_with_json_is_a_json_usage_error(drillbit: RunDrillbit) -> None:
    result = drillbit("grade", "--json")
    error = json.loads(result.stdout)
    assert (error["error"], error["exit_code"], result.returncode) == ("usage", 2, 2)
    assert "The first drill not passed yet is" in error["message"]
