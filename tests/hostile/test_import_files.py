"""`drillbit import` of files that are not notes, and notes that try to drive the terminal."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quiz.textsafe import _SEQUENCE, _UNPRINTABLE, printable, printable_lines
from tests.hostile.helpers import HOSTILE, assert_clean_failure, drillbit

CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c")


def test_import_of_dev_zero_is_refused_at_once(tmp_path: Path, _isolated_home: Path) -> None:
    run = drillbit("import", "/dev/zero", "--into", str(tmp_path / "c"), home=_isolated_home)
    assert_clean_failure(run, "import: /dev/zero: a device, not a regular file")
    assert not (tmp_path / "c").exists()


def test_import_of_a_fifo_does_not_hang(tmp_path: Path, _isolated_home: Path) -> None:
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    run = drillbit("import", str(fifo), "--into", str(tmp_path / "c"), home=_isolated_home)
    assert_clean_failure(run, f"import: {fifo}: a FIFO (named pipe), not a regular file")


def test_import_of_a_huge_file_says_the_cap(tmp_path: Path, _isolated_home: Path) -> None:
    huge = tmp_path / "notes.md"
    with huge.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)  # sparse: 20 MiB of zeros without writing them
    run = drillbit("import", str(huge), "--into", str(tmp_path / "c"), home=_isolated_home)
    assert_clean_failure(
        run,
        f"import: {huge}: 20 MiB, over the limit of 8 MiB: split it at headings into files "
        "of at most 8 MiB and import each with the same --pack",
    )


def test_control_characters_never_reach_the_terminal_or_the_cards(
    tmp_path: Path, _isolated_home: Path
) -> None:
    notes = HOSTILE / "notes-control-chars.md"
    assert any(c in notes.read_text(encoding="utf-8") for c in CONTROLS)
    run = drillbit(
        "import", str(notes), "--pack", "ctl", "--into", str(tmp_path / "c"), home=_isolated_home
    )
    assert run.returncode == 0, run.output
    assert not any(c in run.output for c in CONTROLS), repr(run.output)
    assert "What is overfitting?" in run.stdout
    # a one-sentence answer is a card now (issue 14): its title is printed cleaned
    assert f"{notes}:6 Why normalize inputs evil?" in run.stdout
    assert f"{notes}:9: skipped 'Q'" in run.stderr
    written = list((tmp_path / "c").rglob("*.md"))
    assert written
    for card in written:
        assert not any(c in card.read_text(encoding="utf-8") for c in CONTROLS)
    listed = drillbit("--content", str(tmp_path / "c"), "list", home=_isolated_home)
    assert listed.returncode == 0 and "What is overfitting?" in listed.stdout


def test_printable_drops_whole_sequences_and_keeps_text() -> None:
    assert printable("a\x1b[2J\x1b[31mb\x1b[0m") == "ab"
    assert printable("\x1b]8;;https://x.invalid\x07link\x1b]8;;\x1b\\ tail") == "link tail"
    assert printable("\x1b]0;title\x07x") == "x"
    assert printable("left \u202eright\u202c \u2067iso\u2069") == "left right iso"
    assert printable("\x9b31mred \x00nul\x7f") == "red nul"
    assert (
        printable("tab\tand\nnewline, é, ü, 中文, $x^2$") == "tab\tand\nnewline, é, ü, 中文, $x^2$"
    )


@given(
    st.lists(
        st.sampled_from(list("ab ;0m[]\\\t\n\x1b\x07\x9b\x9c\x9d\u202e\x00\x7fé")), max_size=30
    )
)
def test_printable_is_its_two_passes(pieces: list[str]) -> None:
    text = "".join(pieces)  # (the search it starts with only skips them when they do nothing)
    assert printable(text) == _UNPRINTABLE.sub("", _SEQUENCE.sub("", text))


def test_printable_lines_are_each_line_printable() -> None:
    plain = ["wrote a.md  ← notes.md:3 What is it?", "    - é, 中文, $x^2$", ""]
    assert printable_lines(plain) == "\n".join(plain)
    # A sequence opened on one line never takes the next line with it.
    hostile = ["a \x1b]8;;https://x.invalid", "b\x07c", "\x9b31md \u202ee", "f"]
    assert printable_lines(hostile) == "\n".join(printable(line) for line in hostile)
    assert printable_lines(hostile) == "a \nbc\nd e\nf"
    assert printable_lines([]) == ""


def test_grade_of_a_fifo_or_a_device_does_not_hang(tmp_path: Path, _isolated_home: Path) -> None:
    fifo = tmp_path / "answer.py"
    os.mkfifo(fifo)
    run = drillbit("grade", "sigmoid", str(fifo), home=_isolated_home)
    assert_clean_failure(run, f"grade: {fifo}: a FIFO (named pipe), not a regular file")
    run = drillbit("grade", "sigmoid", "/dev/zero", home=_isolated_home)
    assert_clean_failure(run, "grade: /dev/zero: a device, not a regular file")
