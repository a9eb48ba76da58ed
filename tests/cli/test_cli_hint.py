"""`drillbit hint`: a drill's hints one at a time, as the app's ^t, kept in the store; a
pass made after hints, in the app or with the command, is one "passed with hints"."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.paths import database_path
from quiz.store import Store
from tests.conftest import DATA, FIXED_NOW, REPO, RunDrillbit

CORRECT = str(DATA / "answers" / "sigmoid" / "correct_masks.py")
ALSO_CORRECT = str(DATA / "answers" / "sigmoid" / "correct_logaddexp.py")


def _hints() -> tuple[str, ...]:
    card = load_bank([REPO / "content"]).get("sigmoid")
    assert card is not None and len(card.hints) >= 2
    return card.hints


def _state(drillbit: RunDrillbit) -> tuple[str, int]:
    listing = json.loads(drillbit("drills", "--json").stdout)
    row = next(row for row in listing["drills"] if row["id"] == "sigmoid")
    return row["state"], row["attempts"]


def _stats(drillbit: RunDrillbit) -> tuple[int, int]:
    """(drills passed, of them passed only with hints), as `drillbit stats --json` has them."""
    stats = json.loads(drillbit("stats", "--json").stdout)
    return stats["drills_passed"], stats["drills_passed_with_hints"]


def test_hints_come_one_at_a_time_and_seen_prints_them_again(drillbit: RunDrillbit) -> None:
    total = len(_hints())
    first = drillbit("hint", "sigmoid")
    assert first.returncode == 0, first.stderr
    assert "Hint 1. " in first.stdout and "Hint 2. " not in first.stdout
    assert f"{total - 1} hint" in first.stdout and "`drillbit hint sigmoid`" in first.stdout
    second = drillbit("hint", "sigmoid")
    assert "Hint 1. " in second.stdout and "Hint 2. " in second.stdout
    seen = drillbit("hint", "sigmoid", "--seen")  # reveals none
    assert "Hint 2. " in seen.stdout and "Hint 3. " not in seen.stdout
    for _ in range(total):  # past the last: all of them, and no error
        last = drillbit("hint", "sigmoid")
    assert last.returncode == 0 and f"Hint {total}. " in last.stdout
    assert "No hints left" in last.stdout
    with Store.open(database_path()) as store:
        assert store.hints_seen("sigmoid") == total


def test_a_pass_after_hints_is_passed_with_hints_and_the_next_clean_one_passed(
    drillbit: RunDrillbit,
) -> None:
    drillbit("hint", "sigmoid")
    drillbit("hint", "sigmoid")
    graded = drillbit("grade", "sigmoid", CORRECT)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert "Passed with hints (2 hints seen since the last pass)." in graded.stdout
    assert _state(drillbit) == ("passed with hints", 1)
    assert _stats(drillbit) == (1, 1)
    assert "drills passed: 1 (1 with hints)" in drillbit("stats").stdout
    # the pass started the count again: no hint since, a clean pass
    clean = drillbit("grade", "sigmoid", ALSO_CORRECT)
    assert clean.returncode == 0 and "with hints" not in clean.stdout
    assert _state(drillbit) == ("passed", 2)
    assert _stats(drillbit) == (1, 0)
    assert "No hint seen since the last pass" in drillbit("hint", "sigmoid", "--seen").stdout


def test_a_hint_read_in_the_app_counts_for_a_pass_graded_by_the_cli(
    drillbit: RunDrillbit,
) -> None:
    """The app logs its hints in the store; `grade` logged every try with no hint."""
    with Store.open(database_path()) as store:
        store.record_hint(card_id="sigmoid", number=1, seen_at=datetime.now(UTC))
    graded = drillbit("grade", "sigmoid", CORRECT)
    assert "Passed with hints (1 hint seen since the last pass)." in graded.stdout
    assert _state(drillbit) == ("passed with hints", 1)


def test_a_failure_names_the_hint_command_and_a_non_drill_is_refused(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    wrong = DATA / "answers" / "sigmoid" / "wrong_naive_overflow.py"
    failed = drillbit("grade", "sigmoid", str(wrong))
    assert "stuck? `drillbit hint sigmoid` shows a hint" in failed.stdout
    refused = drillbit("hint", "sigmoidd")
    assert refused.returncode == 2 and "did you mean 'sigmoid'?" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_hint_and_a_grading_are_dated_by_the_commands_clock(drillbit: RunDrillbit) -> None:
    """`hint` logs when the hint was shown and `grade` when the code was graded, at the
    command's time: each read the wall clock itself, which no test could fix."""
    from quiz.store.backup_dump import dump

    shown_at, graded_at = FIXED_NOW, FIXED_NOW + timedelta(minutes=5)
    assert drillbit("hint", "sigmoid", now=shown_at).returncode == 0
    graded = drillbit("grade", "sigmoid", CORRECT, now=graded_at)
    assert "Passed with hints (1 hint seen since the last pass)." in graded.stdout
    with Store.open(database_path()) as store:
        hints = dump(store, now=graded_at).hints_seen
        attempts = store.attempts(card_id="sigmoid")
    assert [(hint.number, hint.seen_at) for hint in hints] == [(1, shown_at)]
    assert [attempt.attempted_at for attempt in attempts] == [graded_at]
