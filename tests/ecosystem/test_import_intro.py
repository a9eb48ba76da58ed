"""Text under a note's title (or at its top) before the first question is named.

A section's introduction was named as not imported, but the one under the document's own
`# title`, or at the top of a note without one, was dropped without a word: a reader of
the report could not tell that anything was left out."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.notes.read import parse_notes
from tests.ecosystem.test_import_notes import run_import

TITLED = """\
# Regularization notes

These notes cover the regularizers I keep forgetting.
Weight decay matters most with Adam.

## What is weight decay?

It shrinks every weight toward zero at each step. It is an L2 penalty under SGD.
"""


def _reported(text: str) -> list[tuple[int, str, str]]:
    return [(i.line, i.text, i.reason) for i in parse_notes(text).ignored]


def test_text_under_the_title_is_named_with_its_lines() -> None:
    assert _reported(TITLED) == [
        (
            3,
            "These notes cover the regularizers I keep forgett…",
            "text (lines 3-4) under the title 'Regularization notes', in no question's "
            "answer, not imported",
        )
    ]


def test_text_at_the_top_of_an_untitled_note_is_named() -> None:
    text = TITLED.split("\n", 2)[2]  # the same note without its title
    assert _reported(text) == [
        (
            1,
            "These notes cover the regularizers I keep forgett…",
            "text (lines 1-2) at the top of the notes, before any question, in no "
            "question's answer, not imported",
        )
    ]


def test_a_later_top_level_title_names_its_own_introduction() -> None:
    text = TITLED + "\n# Part two\n\nOptimizers come next.\n\n## Why use momentum?\n\n"
    text += "It damps the zigzag across a ravine. It speeds progress along it.\n"
    assert [(line, reason.split(",")[0]) for line, _, reason in _reported(text)] == [
        (3, "text (lines 3-4) under the title 'Regularization notes'"),
        (12, "text under the title 'Part two'"),
    ]


def test_what_is_no_text_is_not_named(tmp_path: Path) -> None:
    """Front matter, tag lines, comments, rules and headings hold no lost answer text."""
    notes = tmp_path / "notes.md"
    notes.write_text(
        "---\ntags: [ml]\n---\n#review #ml\n\n# Notes\n\n<!-- draft -->\n\n---\n\n"
        "## What is weight decay?\n\nIt shrinks every weight toward zero. It is an L2 "
        "penalty under SGD.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "1 card to write" in result.output
    assert "not imported" not in result.output


def test_a_named_part_is_named_once() -> None:
    """A callout or a non-question heading at the top keeps its own report, not two."""
    text = (
        "# Notes\n\n> [!abstract] Summary\n> Three regularizers.\n\n## Overview\n\n"
        "Some overview text.\n\n## What is weight decay?\n\nIt shrinks every weight toward "
        "zero. It is an L2 penalty under SGD.\n"
    )
    assert [(line, reason.split(" (")[0]) for line, _, reason in _reported(text)] == [
        (3, "a callout in no question's answer, not imported"),
        (6, "not a question"),
    ]


def test_the_import_names_the_introduction_and_counts_it(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(TITLED, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:3: skipped 'These notes cover the regularizers I keep forgett…': text "
        "(lines 3-4) under the title 'Regularization notes'"
    ) in result.output
    assert "1 card to write; 1 other part not imported" in result.output
