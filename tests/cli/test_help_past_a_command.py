"""`drillbit help COMMAND NAME` where COMMAND has no commands of its own: it said "No such
command 'extra'. drillbit grade takes ." (a list of nothing), where it now says that the
command has none and how to get the help that was asked for."""

from __future__ import annotations

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            ("grade", "extra"),
            "No such command 'extra': `drillbit grade` has none of its own; "
            "`drillbit help grade` prints its help.",
        ),
        (
            ("export", "anki", "deck.apkg"),
            "No such command 'deck.apkg': `drillbit export anki` has none of its own; "
            "`drillbit help export anki` prints its help.",
        ),
    ],
)
def test_a_name_past_a_plain_command_is_told_so(
    drillbit: RunDrillbit, typed: tuple[str, ...], said: str
) -> None:
    told = drillbit("help", *typed)
    assert told.returncode == 2 and told.stdout == ""
    assert told.stderr.splitlines()[0] == f"drillbit: {said}"
    assert " takes ." not in told.stderr


def test_the_help_it_points_at_is_the_commands(drillbit: RunDrillbit) -> None:
    pointed = drillbit("help", "export", "anki")
    assert pointed.returncode == 0, pointed.stderr
    assert pointed.stdout == drillbit("export", "anki", "--help").stdout
