"""`drillbit import` names every place in the notes as `FILE:LINE` (the path as the user
gave it), first on its line as lint names a card's problems, so that an editor or a
terminal jumps to it; and says once which cards a re-import no longer finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command


def run_import(*args: str) -> Result:
    return CliRunner().invoke(import_command, list(args), obj=Context([]))


def _answered(title: str) -> str:
    return (
        f"## {title}\n\n"
        f"{title.rstrip('?')} is a question of these notes. It has an answer of three "
        "sentences. Each of them is a key point.\n\n"
    )


_MIXED = (
    "# Notes\n\n"  # 1
    "## Q1: What is bias?\n\n**Answer:** —\n\n"  # 3: a placeholder (no word)
    "## What is variance?\n\n"  # 7: no answer
    "## What is noise?\n\n"  # 9: no answer
    "## What is error?\n\n"  # 11: no answer
    "## Big heading\n\ntext under it\n\n"  # 13: not a question
    + _answered("What is a kernel?")  # 17: no marker
    + _answered("What is a margin?")  # 21: no marker
    + _answered("What is a slack?")  # 25: no marker
)


def test_skips_notes_and_sections_are_named_as_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They said `#2 (line 11)`: a position among the questions no editor knows, and the
    line apart from the file."""
    notes = tmp_path / "ml notes.md"
    notes.write_text(_MIXED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the path as the user gave it: relative here
    result = run_import("ml notes.md", "--pack", "p", "--into", "c", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "ml notes.md:3: skipped Q1 'What is bias?': the answer is a placeholder ('—')" in (
        result.output
    )
    # a reason that repeats is said once, each question under it at its place
    at = lines.index(next(line for line in lines if line.startswith("skipped 3 questions")))
    assert lines[at + 1 : at + 4] == [
        "  - ml notes.md:7 'What is variance?'",
        "  - ml notes.md:9 'What is noise?'",
        "  - ml notes.md:11 'What is error?'",
    ]
    assert "ml notes.md:13: skipped 'Big heading': not a question" in result.output
    # a notice that repeats lists its places
    assert (
        "note: 3 questions had no answer marker; the text under each was taken as its "
        "answer (ml notes.md:17, ml notes.md:21, ml notes.md:25)"
    ) in lines
    # the card lines name their question's place too
    assert any(line.endswith("← ml notes.md:17 What is a kernel?") for line in lines)
    # nothing names a place otherwise
    assert not re.search(r"\(line \d|#\d+ |question lines", result.output), result.output


def test_a_single_notice_is_named_at_its_own_line(tmp_path: Path) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(
        "## What is a kernel?\n\n"
        "A kernel is an inner product in a feature space. It is cheap. It is symmetric.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"{notes}:1: note: 'What is a kernel?': no answer marker" in result.output


def test_cards_no_longer_in_the_notes_are_summed_up_on_one_line(tmp_path: Path) -> None:
    """A re-import after deleting questions printed one note per card: 14 deleted
    questions, 14 lines. Now one line: how many, where, and their ids (the first ten)."""
    notes = tmp_path / "ml.md"
    titles = [f"What is topic number {word}?" for word in "abcdefghijklmnopq"]
    notes.write_text("".join(_answered(title) for title in titles), encoding="utf-8")
    content = tmp_path / "c"
    assert run_import(str(notes), "--pack", "p", "--into", str(content)).exit_code == 0
    notes.write_text("".join(_answered(title) for title in titles[:3]), encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    notes_lines = [line for line in result.output.splitlines() if "no longer in" in line]
    ids = ", ".join(f"topic-number-{word}" for word in "defghijklm")
    assert notes_lines == [
        f"note: 14 cards are no longer in ml.md (deleted, or their titles edited), left as "
        f"they are in {content / 'p' / 'p'} with their reviews: {ids} and 4 more; delete a "
        "card's file to drop it"
    ]
    assert len(list((content / "p" / "p").glob("*.md"))) == 17  # none deleted
