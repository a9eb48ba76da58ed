"""A name typed with a control character in it is quoted back escaped, never sent raw.

`drillbit show $'x\\e[2Jy'` printed "no card 'x<ESC>[2Jy'" to the terminal, which cleared
the screen (any escape sequence, a carriage return or a bidi override could move the cursor,
rewrite the line or reorder it); on a pipe click stripped the sequence, so
`show $'sig\\e[2Jmoid'` read "no card 'sigmoid': did you mean 'sigmoid'?". Every error line
now writes such a character as Python writes it in a string (`\\x1b`), as click's own
path errors already did (`File '/tmp/x\\x1b[2Jy.md' does not exist.`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import DrillbitError, UsageError, escape_controls
from tests.cli.printing import printed_on_a_terminal
from tests.conftest import RunDrillbit

TYPED = "x\x1b[2Jy"
"""A name with the escape sequence that clears a terminal's screen in it."""

SHOWN = "x\\x1b[2Jy"
"""TYPED as an error line shows it."""

REFUSED = [
    # (command line, exit code): each names TYPED in its error line
    (("show", TYPED), 2),
    (("hint", TYPED), 2),
    (("watch", TYPED, "answer.py"), 2),
    (("config", TYPED), 2),
    (("cards", "--pack", TYPED), 2),
    (("cards", "--topic", TYPED), 2),
    (("cards", "--tag", TYPED), 2),
    (("drills", "--topic", TYPED), 2),
    (("study", "--pack", TYPED), 2),
    (("export", "anki", "deck.apkg", "--pack", TYPED), 2),
    (("grade", "sigmoid", f"{TYPED}.py"), 2),
    (("lint", f"{TYPED}.md"), 2),
]


@pytest.mark.parametrize(("typed", "code"), REFUSED, ids=lambda v: str(v))
def test_a_refused_name_is_quoted_back_escaped(
    tmp_path: Path, drillbit: RunDrillbit, typed: tuple[str, ...], code: int
) -> None:
    result = drillbit(*typed, cwd=tmp_path)
    assert result.returncode == code, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("drillbit: ") and SHOWN in first, result.stderr
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr


def test_a_filter_that_matches_nothing_is_quoted_back_escaped(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    result = drillbit("cards", "--search", TYPED, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"No card matches --search '{SHOWN}'." in result.stderr
    assert "\x1b" not in result.stderr


def test_a_close_name_with_a_control_character_no_longer_reads_as_the_name_it_suggests(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    result = drillbit("show", "sig\x1b[2Jmoid", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "drillbit: no card 'sig\\x1b[2Jmoid': did you mean 'sigmoid'?"
    )


def test_on_a_terminal_the_escape_sequence_is_shown_not_obeyed() -> None:
    lines = printed_on_a_terminal("show", TYPED, exit_code=2)
    assert not any("\x1b[2J" in line for line in lines), lines
    assert any(SHOWN in line for line in lines), lines


def test_a_carriage_return_and_a_bidi_override_are_escaped_and_words_kept() -> None:
    error = UsageError("no card 'ab\rcd\u202eef': did you mean 'abcdef'?")
    assert error.error_line() == ("drillbit: no card 'ab\\rcd\\u202eef': did you mean 'abcdef'?")
    titled = DrillbitError("cannot save\n/tmp/a\x07b", title="settings")
    assert titled.error_line() == "drillbit: settings: cannot save /tmp/a\\x07b"


def test_plain_text_is_left_as_it_is() -> None:
    text = "naïve Bayes — 90% · tab\tand newline\n"
    assert escape_controls(text) == text
