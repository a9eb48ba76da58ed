"""One-line questions one under another (`Q: What is X? A: It is Y.` a line, or the Spaced
Repetition plugin's `Question::Answer` lines) are a question each. Markdown read them as
one paragraph: one question titled with every line and "no answer", or one card whose key
points held the other questions."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.qalines import split_question_lines
from tests.ecosystem.test_import_notes import answer_of, front, run_import


def _cards(folder: Path) -> dict[str, Path]:
    return {str(front(p)["title"]): p for p in folder.rglob("*.md")}


def test_a_run_of_q_lines_with_plain_answers_is_a_card_each(tmp_path: Path) -> None:
    notes = tmp_path / "flash.md"
    notes.write_text(
        "# Basics\n\n"
        "Q: What is a vanishing gradient? A: Gradients shrink through many layers.\n"
        "Q: Why use ReLU over sigmoid? A: ReLU does not saturate for positive inputs.\n"
        "Q: What does batch norm normalize? **A:** Each feature over the mini-batch.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    cards = _cards(tmp_path / "c")
    assert sorted(cards) == [
        "What does batch norm normalize?",
        "What is a vanishing gradient?",
        "Why use ReLU over sigmoid?",
    ]
    assert answer_of(cards["Why use ReLU over sigmoid?"]) == (
        "ReLU does not saturate for positive inputs."
    )
    assert f"← {notes}:4 Why use ReLU over sigmoid?" in result.output


def test_one_q_line_answers_after_a_plain_a(tmp_path: Path) -> None:
    notes = tmp_path / "one.md"
    notes.write_text("Q: What is an epoch? A: One pass over the training set.\n", "utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = _cards(tmp_path / "c").values()
    assert front(card)["title"] == "What is an epoch?"
    assert answer_of(card) == "One pass over the training set."


def test_consecutive_spaced_repetition_lines_are_a_card_each(tmp_path: Path) -> None:
    notes = tmp_path / "sr.md"
    notes.write_text(
        "#flashcards\n\n"
        "Vanishing gradient::gradients shrink as they pass back through many layers\n"
        "Why use ReLU over sigmoid?::ReLU does not saturate for positive inputs\n"
        "What does batch norm normalize?::each feature over the mini-batch\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    cards = _cards(tmp_path / "c")
    assert len(cards) == 3, result.output
    assert answer_of(cards["Vanishing gradient"]) == (
        "gradients shrink as they pass back through many layers"
    )


def test_lines_keep_their_numbers_and_other_text_is_left() -> None:
    text = "Q: A? A: b c.\r\nQ: D? **A:** e f.\n\nQ: G? A: h.\nQ: I? A: j.\nmore text\n"
    split, lines = split_question_lines(text)
    assert (
        split == "- Q: A? A: b c.\r\n- Q: D? **A:** e f.\n\nQ: G? A: h.\nQ: I? A: j.\nmore text\n"
    )
    assert lines == (1, 2)  # lines 4-5 run into 'more text': an item would take it in


def test_what_is_no_run_of_one_line_questions_stays() -> None:
    for text in (
        "Q: What is X? A: It is Y.\n",  # alone: it asks as it is
        "Q: What is X?\nA: It is Y.\nQ: What is Z?\nA: It is W.\n",  # answers on own lines
        "```\nQ: a? A: b\nQ: c? A: d\n```\n",  # code
        "Q: Why? Because A: is a label.\nQ: How? With care A: here.\n",  # no `? A:`
    ):
        assert split_question_lines(text) == (text, ())
