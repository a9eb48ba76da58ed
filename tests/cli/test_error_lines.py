"""Every command's error starts the same way: "drillbit: " and what went wrong, first.

Errors read "config: unknown key ...", "export anki: cannot write ...", "data folder: ..."
beside "drillbit: no card ...", and click's wrong command lines printed the usage first
and "Error: ..." last. A script grepping stderr for "drillbit: " missed most of them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import DrillbitError, UsageError
from tests.conftest import RunDrillbit

WRONG = [
    # (command line, exit code, what the first line says after "drillbit: ")
    (("cards", "--srot", "due"), 2, "No such option '--srot'"),
    (("cards", "--state", "bogus"), 2, "Invalid value for '--state'"),
    # where ids are found: Click's "Missing argument 'ID'." said nothing of it
    (
        ("show",),
        2,
        "Missing argument 'ID', a card's id: `drillbit list` shows every id, "
        "`drillbit cards --search WORDS` finds a card by its words.",
    ),
    (("show", "attnetion"), 2, "no card 'attnetion': did you mean 'attention'?"),
    (("grade", "sigmoid", "missing.py"), 2, "Invalid value for 'FILE'"),
    (("config", "new_per_dya", "5"), 2, "config: unknown key 'new_per_dya'"),
    (("stat",), 2, "No such command 'stat'. Did you mean 'stats'?"),
    (("export", "anki", "no/such/deck.apkg"), 1, "export anki: cannot write "),
    (("import-progress", "missing.json"), 2, "Invalid value for 'FILE'"),
    (("check-store", "extra"), 2, "Got unexpected extra argument (extra)"),
]


@pytest.mark.parametrize(("typed", "code", "said"), WRONG, ids=lambda v: str(v))
def test_every_error_starts_with_drillbit_and_says_what_went_wrong_first(
    tmp_path: Path, drillbit: RunDrillbit, typed: tuple[str, ...], code: int, said: str
) -> None:
    result = drillbit(*typed, cwd=tmp_path)
    assert result.returncode == code, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"drillbit: {said}"), result.stderr
    assert "Error:" not in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_command_line_ends_with_its_usage_and_where_its_help_is(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    result = drillbit("cards", "--srot", "due", cwd=tmp_path)
    assert result.stderr.splitlines()[1:] == [
        "Usage: drillbit cards [OPTIONS]",
        "Try 'drillbit cards --help' for help.",
    ]


def test_an_error_with_a_title_keeps_it_after_the_prefix() -> None:
    assert DrillbitError("gone", title="export anki").error_line() == (
        "drillbit: export anki: gone"
    )
    assert UsageError("no card 'x'").error_line() == "drillbit: no card 'x'"


def test_a_group_with_no_command_prints_its_help_as_it_did(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """`drillbit export` alone is click's help on stderr, exit 2: no error to prefix."""
    result = drillbit("export", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("Usage: drillbit export [OPTIONS] COMMAND [ARGS]...\n")
    assert "drillbit: " not in result.stderr.splitlines()[0]
