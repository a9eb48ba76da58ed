"""A question line with its answer on the next lines and no blank line between.

`Q: What is X?` then the answer's lines made one paragraph, all of it taken for the
title: the question was skipped with "no answer under the question" and its text shown
as the title. Lines so joined to a question keep no indent either: Markdown reads them
as the paragraph's, and four spaces kept made the answer a code block."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.notes.read import parse_notes
from tests.ecosystem.test_import_notes import answer_of, run_import

ANSWER = (
    "{indent}Early stopping halts training when the validation loss stops improving.\n"
    "{indent}You keep the checkpoint with the best validation score.\n"
    "{indent}It acts like a regularizer.\n"
)


@pytest.mark.parametrize("question", ["Q: What is early stopping?", "**What is early stopping?**"])
@pytest.mark.parametrize("indent", ["", "  ", "    ", "\t"])
def test_the_answer_on_the_next_lines_is_the_answer(
    tmp_path: Path, question: str, indent: str
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(f"# Notes\n\n{question}\n{ANSWER.format(indent=indent)}", encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output
    (card,) = (tmp_path / "c").rglob("early-stopping*.md")
    assert answer_of(card) == ANSWER.format(indent="").rstrip("\n")
    assert f"{notes}:3 What is early stopping?" in result.output


def test_a_question_over_two_lines_and_a_marked_answer_are_read_as_before() -> None:
    two_lines = "Q: What is the difference between\nSGD and Adam?\n\nAdam adapts steps.\n"
    (asked,) = parse_notes(two_lines).questions
    assert (asked.title, asked.answer) == (
        "What is the difference between SGD and Adam?",
        "Adam adapts steps.",
    )
    marked = "Q: What is X?\nA: X is a thing.\n"
    (asked,) = parse_notes(marked).questions
    assert (asked.title, asked.answer, asked.marker) == ("What is X?", "X is a thing.", True)
