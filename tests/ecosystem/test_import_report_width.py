"""`drillbit import`'s closing report on a narrow terminal: prose folded to the width, each
command to copy whole on its own indented line; into a pipe, one whole line per record."""

from __future__ import annotations

import functools
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz.cli.ecosystem import import_command
from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.importreport import folded_unplaced, summary_lines
from quiz.wrapping import COMMAND_INDENT
from tests.cli.printing import Printing
from tests.conftest import DATA, REPO

QA = DATA / "notes" / "qa-lines.md"
"""Questions on lines of their own (`Q:` and `A:`), copied as notes.md: topic `notes`."""
OUTPUT_CEILING_SECONDS = 120
"""How long the import may take under a loaded machine: a ceiling, not a timing."""


def import_stderr(tmp_path: Path, columns: int, *, terminal: bool) -> list[str]:
    """What `drillbit import notes.md --into content` prints on stderr, a terminal of
    `columns` (or a pipe), while its stdout (a card's line each) goes to a file."""
    shutil.copy(QA, tmp_path / "notes.md")
    leader, follower = pty.openpty() if terminal else os.pipe()
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(REPO)}
    env.pop("DRILLBIT_CONTENT", None)
    with (tmp_path / "stdout.txt").open("wb") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "quiz", "import", "notes.md", "--into", "content"],
            cwd=tmp_path,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=follower,
            env=env,
        )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the terminal's other end closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=OUTPUT_CEILING_SECONDS) == 0
    return b"".join(chunks).decode().replace("\r\n", "\n").splitlines()


def test_the_closing_report_fits_80_and_60_columns_with_each_command_whole(
    tmp_path: Path,
) -> None:
    """The last two lines were 229 and 234 columns: the terminal cut them through
    `--content DIR` and `export DRILLBIT_CONTENT=...`. Now the prose fits the terminal and
    each command stands whole on a line of its own, to copy; stdout being a file (a log of
    the cards) does not turn the folding off."""
    for columns in (80, 60):
        home = tmp_path / str(columns)
        home.mkdir()
        printed = import_stderr(home, columns, terminal=True)
        commands = [
            f"{COMMAND_INDENT}drillbit --content content",
            f"{COMMAND_INDENT}export DRILLBIT_CONTENT={(home / 'content').resolve()}",
            f"{COMMAND_INDENT}drillbit --content content list",
            f"{COMMAND_INDENT}drillbit --content content study --topic notes",
        ]
        for command in commands:
            assert command in printed, (columns, printed)
        whole = [*commands, *(line for line in printed if line.startswith("notes.md:"))]
        too_wide = [line for line in printed if len(line) > columns and line not in whole]
        assert too_wide == [], columns
        assert "wrote content/" in (home / "stdout.txt").read_text()


def test_a_pipe_still_gets_each_record_whole(tmp_path: Path) -> None:
    """`drillbit import notes.md 2> import.log | ...`: a record per line, as before."""
    printed = import_stderr(tmp_path, 60, terminal=False)
    content = (tmp_path / "content").resolve()
    assert (
        "these cards load only where their folder is given: --content content on each "
        "command (`drillbit --content content` for the app), or `export "
        f"DRILLBIT_CONTENT={content}` in ~/.bashrc for every command"
    ) in printed
    assert printed[-1] == (
        "next: drillbit --content content list, then drillbit --content content study --topic notes"
    )


def test_under_an_interview_plan_the_cram_command_stands_whole(tmp_path: Path) -> None:
    """Under a plan the next step was one sentence of 234 columns around the command."""
    plan = plan_import(QA, content_dir=tmp_path / "content")
    shown = functools.partial(os.path.relpath, start=tmp_path)  # as the CLI's display_path
    lines = summary_lines(
        plan, dry_run=False, show=shown, plan_running=True, folder_loaded=False, width=60
    )
    assert f"{COMMAND_INDENT}drillbit --content content study --mode cram --topic qa-lines" in lines
    assert f"{COMMAND_INDENT}drillbit --content content list" in lines
    assert [line for line in lines if len(line) > 60 and not line.startswith(COMMAND_INDENT)] == []
    assert any(line.startswith("next, to study them now;") for line in lines)


def test_a_line_placed_in_the_notes_stays_whole_for_grep() -> None:
    """`notes.md:12: ...` and a grouped skip's `  - notes.md:12 ...` are what people grep
    and editors jump to: only the lines with no place fold."""
    placed = "notes.md:12: skipped Q3 'Why?': " + "the answer is too short " * 5
    listed = "  - notes.md:14 Q4 " + "a long title " * 8
    summed = "note: 3 questions had no answer marker; " + "the text was taken " * 5
    folded = folded_unplaced([placed, listed, summed], 60)
    assert folded[:2] == [placed, listed]
    assert len(folded) > 3
    assert all(len(line) <= 60 for line in folded[2:])


def test_help_fits_60_columns() -> None:
    """Its blocks of examples are printed as written: at 60 columns they ran to 68-79
    columns, cut by the terminal mid-marker."""
    result = CliRunner().invoke(import_command, ["--help"], terminal_width=60)
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if len(line) > 60] == []
    assert "    > [!answer]  > [!success]- Answer" in result.output.splitlines()


def test_dry_run_folds_key_points_under_their_dash_on_a_terminal(tmp_path: Path) -> None:
    """A key point was one line of up to 150 columns; on a terminal it folds under its
    text, while the card's own line (what people grep) stays whole."""
    shutil.copy(QA, tmp_path / "notes.md")
    command = [sys.executable, "-m", "quiz", "import", "notes.md", "--into", "c", "--dry-run"]
    env = {"COLUMNS": "60", "PYTHONPATH": str(REPO)}
    shown = Printing(command, terminal=True, env=env, cwd=tmp_path)
    try:
        assert shown.process.wait(timeout=OUTPUT_CEILING_SECONDS) == 0
    finally:
        shown.kill()
        shown.close()
    printed = shown.printed().splitlines()
    card = "would write c/notes/notes/what-is-overfitting.md  ← notes.md:3 What is overfitting?"
    assert card in printed
    points = printed[printed.index(card) + 1 : printed.index(card) + 4]
    assert points[0].startswith("    - The model fits the training noise")
    assert all(len(line) <= 60 for line in points)
    assert any(line.startswith("      ") and line.strip() for line in points[1:])
