"""Notes whose questions or answer text the importer dropped without a word (fourteenth
round): each shape is read whole, or what is left out is reported with its line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from quiz.bank.lint import lint
from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command
from quiz.ecosystem.importer import plan_import, write_plan
from quiz.ecosystem.notes import parse_notes


def run_import(*args: str) -> Result:
    return CliRunner().invoke(import_command, list(args), obj=Context([]))


def plan_and_lint(tmp_path: Path, text: str) -> list[str]:
    """The titles of the cards the notes give; the written cards must pass lint."""
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
    write_plan(plan)
    _, problems = lint([tmp_path / "c"])
    assert problems == []
    return [card.question.title for card in plan.cards]


# --- a. a bold question with its answer on the next line (one paragraph) ---------------

LIST_WITHOUT_BLANK_LINES = """\
## 2. Math

1. **What is the derivative of sigmoid?**
   The derivative is s(1-s). It peaks at 0.25.
2. **What is the softmax Jacobian?**
   It is diag(p) - p p^T.

Q: What is an eigenvalue?
A: A scalar l with A v = l v.
"""


def test_a_numbered_bold_question_with_its_answer_on_the_next_line(tmp_path: Path) -> None:
    parsed = parse_notes(LIST_WITHOUT_BLANK_LINES)
    assert [(q.line, q.title, q.answer) for q in parsed.questions] == [
        (3, "What is the derivative of sigmoid?", "The derivative is s(1-s). It peaks at 0.25."),
        (5, "What is the softmax Jacobian?", "It is diag(p) - p p^T."),
        (8, "What is an eigenvalue?", "A scalar l with A v = l v."),
    ]
    assert all(q.section == "Math" for q in parsed.questions)
    assert [s.reason for s in parsed.sections] == [
        "a section holding 3 question(s), not a question itself"
    ]
    assert parsed.ignored == ()
    assert plan_and_lint(tmp_path, LIST_WITHOUT_BLANK_LINES) == [
        "What is the derivative of sigmoid?",
        "What is the softmax Jacobian?",
        "What is an eigenvalue?",
    ]


def test_the_blank_line_between_question_and_answer_changes_nothing() -> None:
    """With or without a blank line, the same questions, answers and answer lines."""
    spaced = LIST_WITHOUT_BLANK_LINES.replace("?**\n", "?**\n\n")
    tight, loose = parse_notes(LIST_WITHOUT_BLANK_LINES), parse_notes(spaced)
    assert [(q.title, q.answer) for q in tight.questions] == [
        (q.title, q.answer) for q in loose.questions
    ]
    assert [q.answer_line for q in tight.questions] == [4, 6, 9]


def test_a_bold_first_line_outside_a_list_is_a_question_too() -> None:
    notes = (
        "# Notes\n\n"
        "**What is overfitting?**\nThe model learns noise. It fails on new data.\n\n"
        "**Q2: What is a validation set?**\nData held out for tuning. It is never trained on.\n\n"
        "**What is early stopping?**\n**Answer:** Training stops when validation loss rises.\n\n"
        "**Summary**\nThis bold line is no question: it stays answer text.\n"
    )
    parsed = parse_notes(notes)
    stopping = "Training stops when validation loss rises."
    summary = "**Summary**\nThis bold line is no question: it stays answer text."
    assert [(q.number, q.title, q.answer, q.marker) for q in parsed.questions] == [
        (None, "What is overfitting?", "The model learns noise. It fails on new data.", False),
        (
            "2",
            "What is a validation set?",
            "Data held out for tuning. It is never trained on.",
            False,
        ),
        (None, "What is early stopping?", f"{stopping}\n\n{summary}", True),
    ]
    assert parsed.ignored == ()


def test_a_bold_first_line_that_is_no_question_stays_answer_text() -> None:
    notes = (
        "## Q1: What are the steps?\n\n"
        "1. **Load.**\n   Read the file.\n2. **Train.**\n   Fit the model.\n"
    )
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == ["What are the steps?"]
    assert "Fit the model." in parsed.questions[0].answer
