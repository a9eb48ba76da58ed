"""`drillbit import`'s closing report on a narrow terminal: prose folded to the width, each
command to copy whole on its own indented line; into a pipe, one whole line per record."""

from __future__ import annotations

import functools
import os
import pty
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quiz.cli.ecosystem import import_command
from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.importreport import folded_report, summary_lines
from quiz.wrapping import COMMAND_INDENT, fold_command
from tests.cli.printing import Printing
from tests.conftest import DATA, REPO

QA = DATA / "notes" / "qa-lines.md"
"""Questions on lines of their own (`Q:` and `A:`), copied as notes.md: topic `notes`."""
OUTPUT_CEILING_SECONDS = 120
"""How long the import may take under a loaded machine: a ceiling, not a timing."""


def import_stderr(
    tmp_path: Path,
    columns: int,
    *,
    terminal: bool,
    notes: str = "notes.md",
    into: str = "content",
) -> list[str]:
    """What `drillbit import NOTES --into INTO` prints on stderr, a terminal of `columns`
    (or a pipe), while its stdout (a card's line each) goes to a file."""
    shutil.copy(QA, tmp_path / notes)
    leader, follower = pty.openpty() if terminal else os.pipe()
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(REPO)}
    env.pop("DRILLBIT_CONTENT", None)
    with (tmp_path / "stdout.txt").open("wb") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "quiz", "import", notes, "--into", into],
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
        given = commands_of(printed)
        for command in commands:
            assert command in given, (columns, printed)
        # only a shell word longer than a line (the export's absolute path) goes past it
        assert [line for line in printed if too_wide(line, columns)] == [], columns
        assert "wrote content/" in (home / "stdout.txt").read_text()


def test_a_vaults_names_with_spaces_fold_at_80_columns_and_stay_whole(tmp_path: Path) -> None:
    """Notes named as Obsidian names them (`Deep Learning Notes.md`) imported into a folder
    with a space: an 80-column terminal cut every line placed in the notes (kept whole,
    they ran to 150 columns) and each command through its quoted path. Now every line
    fits but for a word longer than a line, no place is cut at a space of the notes' name,
    and each command read as the shell reads it is the command on one line."""
    notes, into = "Deep Learning Notes.md", "drillbit cards"
    printed = import_stderr(tmp_path, 80, terminal=True, notes=notes, into=into)
    assert [line for line in printed if too_wide(line, 80)] == [], printed
    text = " ".join(line.strip() for line in printed)
    places = re.findall(r"Notes\.md:\d+", text)
    assert places and text.count(f"{notes}:") == len(places)
    given = commands_of(printed)
    study = "drillbit --content 'drillbit cards' study --topic deep-learning-notes"
    assert f"{COMMAND_INDENT}{study}" in given
    assert all(shlex.split(command) for command in given)
    stdout = (tmp_path / "stdout.txt").read_text(encoding="utf-8")
    assert "-notes/normalize-input-features.md  ← Deep Learning Notes.md:6 " in stdout


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
    given = commands_of(lines)
    assert f"{COMMAND_INDENT}drillbit --content content study --mode cram --topic qa-lines" in given
    assert f"{COMMAND_INDENT}drillbit --content content list" in given
    assert [line for line in lines if too_wide(line, 60)] == []
    assert any(line.startswith("next, to study them now;") for line in lines)


def too_wide(line: str, columns: int) -> bool:
    """Wider than the terminal, though its last word would fit a line of its own (an
    absolute path in one shell word, `'DRILLBIT_CONTENT=/tmp/a b'`, fits none)."""
    last = re.findall(r"(?:'[^']*'|[^\s'])+", line.removesuffix(" \\"))[-1]
    return len(line) > columns and len(f"{COMMAND_INDENT}  {last} \\") <= columns


def commands_of(printed: list[str]) -> list[str]:
    """The commands to copy in `printed`, each as the shell reads it: its lines joined where
    one ends in ` \\`, with the indent it starts with."""
    commands: list[str] = []
    going_on = False
    for line in printed:
        if going_on:
            commands[-1] += " " + line.strip().removesuffix(" \\")
        elif line.startswith(COMMAND_INDENT):
            commands.append(line.removesuffix(" \\"))
        going_on = (going_on or line.startswith(COMMAND_INDENT)) and line.endswith(" \\")
    return commands


def test_a_line_placed_in_the_notes_folds_under_its_place_kept_whole() -> None:
    """`My Notes.md:12: ...` and a grouped skip's `  - My Notes.md:12 ...` were kept whole
    however long, and an 80-column terminal cut them mid-word. They fold now, each place
    whole at the start of its line (where an editor's jump finds it), the text under it;
    a place in a note's list of places is never cut at its file name's spaces."""
    notes = "Deep Learning Notes.md"
    placed = f"{notes}:12: skipped Q3 'Why?': " + "the answer is too short " * 5
    listed = f"  - {notes}:14 Q4 " + "a long title " * 8
    summed = "note: 3 questions had no answer marker; the text under each was taken (" + (
        ", ".join(f"{notes}:{line}" for line in (3, 9, 27, 31)) + ")"
    )
    folded = folded_report([placed, listed, summed], 60, (notes,))
    assert all(len(line) <= 60 for line in folded), folded
    assert folded[0].startswith(f"{notes}:12: skipped Q3")
    at = next(i for i, line in enumerate(folded) if line.startswith(f"  - {notes}:14 Q4 "))
    assert folded[at + 1].startswith("    long title")  # under the item's text
    shown = " ".join(line.strip() for line in folded)
    for line in (3, 9, 27, 31):
        assert f"{notes}:{line}" in shown  # no place cut at a space of its name
    assert " ".join(shown.split()) == " ".join(" ".join([placed, listed, summed]).split())
    assert folded_report([placed, listed, summed], None, (notes,)) == [placed, listed, summed]


def test_a_folded_command_is_the_same_command_to_the_shell(tmp_path: Path) -> None:
    """A command wider than the terminal folds between its words with ` \\` line ends:
    pasted into sh, its lines give the words the command had on one line (a quoted path
    with spaces stays one word, on one line)."""
    command = (
        f"{COMMAND_INDENT}drillbit --content '/home/ana/Documents/Obsidian Vault/drillbit "
        "cards' study --mode cram --topic deep-learning-interview-notes"
    )
    folded = fold_command(command, 60)
    assert len(folded) > 1
    assert all(line.endswith(" \\") for line in folded[:-1])
    assert "'/home/ana/Documents/Obsidian Vault/drillbit cards'" in "\n".join(folded)
    script = "set -- " + "\n".join(folded).strip() + '\nprintf "%s\\n" "$@"\n'
    shell = subprocess.run(
        ["sh", "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert shell.stdout.splitlines() == shlex.split(command)
    assert fold_command(command, None) == [command]


def test_help_fits_60_columns() -> None:
    """Its blocks of examples are printed as written: at 60 columns they ran to 68-79
    columns, cut by the terminal mid-marker."""
    result = CliRunner().invoke(import_command, ["--help"], terminal_width=60)
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if len(line) > 60] == []
    assert "    > [!answer]  > [!success]- Answer" in result.output.splitlines()


def test_dry_run_folds_key_points_under_their_dash_on_a_terminal(tmp_path: Path) -> None:
    """A key point was one line of up to 150 columns; on a terminal it folds under its
    text, and a card's line too wide for it is its file, then where it was asked."""
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
    card = "would write c/notes/notes/what-is-overfitting.md"
    assert card in printed  # the file alone on its line, where it went past 60 columns
    assert printed[printed.index(card) + 1] == "  ← notes.md:3 What is overfitting?"
    points = printed[printed.index(card) + 2 : printed.index(card) + 5]
    assert points[0].startswith("    - The model fits the training noise")
    assert all(len(line) <= 60 for line in points)
    assert any(line.startswith("      ") and line.strip() for line in points[1:])


def test_the_new_packs_line_keeps_its_path_whole_on_a_narrow_terminal(tmp_path: Path) -> None:
    """`wrote PATH (new pack 'NAME')` too wide for the terminal: the path stays on its line
    and the pack's name goes under it (folded at spaces, the verb stood alone and the
    path went past the width on the next line)."""
    shutil.copy(QA, tmp_path / "notes.md")
    command = [sys.executable, "-m", "quiz", "import", "notes.md", "--into", "c", "--dry-run"]
    shown = Printing(
        command, terminal=True, env={"COLUMNS": "40", "PYTHONPATH": str(REPO)}, cwd=tmp_path
    )
    try:
        assert shown.process.wait(timeout=OUTPUT_CEILING_SECONDS) == 0
    finally:
        shown.kill()
        shown.close()
    printed = shown.printed().splitlines()
    at = printed.index("would write c/notes/pack.yaml")
    assert printed[at + 1] == "  (new pack 'notes')"
