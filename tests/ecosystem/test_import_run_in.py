"""A bold question with its answer run in on the same line: `**What is X?** It is ...`.

Such a line was no question: a list of them was "no questions found", and one after
another question's answer was a key point of that answer, its question lost unsaid."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.notes.read import parse_notes
from tests.ecosystem.test_import_notes import front, run_import

NOTES = """# Notes

Q: What is weight tying?
A: The input and output embeddings share one matrix. This saves parameters. It often
improves perplexity too.

- **What is label smoothing?** It mixes the one-hot target with a uniform one. It keeps
  the model from being overconfident. It often improves calibration.
- **What is mixup?** It blends two examples and their labels. It regularizes the model.
"""


def test_run_in_bold_questions_are_questions() -> None:
    questions = parse_notes(NOTES).questions
    assert [(q.line, q.title) for q in questions] == [
        (3, "What is weight tying?"),
        (7, "What is label smoothing?"),
        (9, "What is mixup?"),
    ]
    assert questions[0].answer.endswith("improves perplexity too.")
    assert questions[1].answer == (
        "It mixes the one-hot target with a uniform one. It keeps\n"
        "the model from being overconfident. It often improves calibration."
    )
    assert (
        questions[2].answer == "It blends two examples and their labels. It regularizes the model."
    )


def test_a_list_of_run_in_questions_imports(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--into", str(content))
    assert result.exit_code == 0, result.output
    (tying,) = content.rglob("weight-tying.md")
    assert not any("label smoothing" in str(p) for p in front(tying)["key_points"])  # type: ignore[attr-defined]
    (smoothing,) = content.rglob("*smoothing*.md")
    assert front(smoothing)["key_points"] == [
        "It mixes the one-hot target with a uniform one.",
        "It keeps the model from being overconfident.",
        "It often improves calibration.",
    ]
    assert "3 questions seen" in result.output


def test_a_bold_phrase_that_asks_nothing_stays_text() -> None:
    text = "## What is X?\n\n**Note.** X is a thing. It does Y. It is Z.\n"
    assert [q.title for q in parse_notes(text).questions] == ["What is X?"]


CHECKED_OFF = """# Optimizers

- [x] **Why does Adam need bias correction?** Because its moment estimates start at zero.
  Early steps would be too small.
- [ ] **What is weight decay?** It shrinks the weights each step. It regularizes.
"""


def test_a_run_in_question_after_a_checkbox_asks() -> None:
    questions = parse_notes(CHECKED_OFF).questions
    assert [(q.line, q.title) for q in questions] == [
        (3, "Why does Adam need bias correction?"),
        (5, "What is weight decay?"),
    ]
    assert questions[0].answer == (
        "Because its moment estimates start at zero.\nEarly steps would be too small."
    )
    assert questions[1].answer == "It shrinks the weights each step. It regularizes."


def test_checked_off_run_in_questions_import_and_reimport_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "optimizers.md"
    notes.write_text(CHECKED_OFF, encoding="utf-8")
    content = tmp_path / "c"
    first = run_import(str(notes), "--into", str(content))
    assert first.exit_code == 0, first.output
    (card,) = content.rglob("*bias-correction*.md")
    assert front(card)["key_points"] == [
        "Because its moment estimates start at zero.",
        "Early steps would be too small.",
    ]
    again = run_import(str(notes), "--into", str(content))
    assert again.exit_code == 0, again.output
    assert [row.split()[0] for row in again.output.splitlines()[:2]] == ["unchanged"] * 2
    assert "0 cards written, 2 unchanged" in again.output


def test_a_bold_question_after_a_checkbox_asks_over_its_answer() -> None:
    """`- [x] **What is Adam?**` with its answer on the item's next line: the checkbox
    before the bold run hid it as the first line's question too."""
    text = (
        "- [x] **What is Adam?**\n"
        "  It scales each step by running moments of the gradient.\n"
        "- [ ] add the paper's numbers\n"
    )
    (question,) = parse_notes(text).questions
    assert (question.line, question.title) == (1, "What is Adam?")
    assert question.answer.startswith("It scales each step by running moments of the gradient.")
