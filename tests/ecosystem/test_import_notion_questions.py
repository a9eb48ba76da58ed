"""Notion callouts that ask: a question kept in an `<aside>` is a question.

Before, an aside was HTML to the notes reader whatever it held: a page whose questions sat
in callouts gave cards for none of them, and its answers were named "not imported" (or run
into the answer above). An aside asks when its first paragraph is a question as a
paragraph is (`Q:`, all bold and ending in `?`), or ends in `?` with its answer in the box,
a question-mark icon, or nothing above it but a heading that asks nothing. A remark in an
answer ending in `?` stays a remark."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.htmlboxes import asks, read_asking_boxes
from quiz.ecosystem.notes.front import read_notion_properties
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "notion-question-asides.md"


def test_questions_in_notion_callouts_become_cards(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    cards = tmp_path / "c" / "p" / "p"
    assert lint([tmp_path / "c" / "p"])[1] == []
    assert sorted(path.name for path in cards.iterdir()) == [
        "adam-need-bias-correction.md",
        "dropout-scale-kept-units.md",
        "gradient-clipping.md",
        "weight-decay.md",
    ]
    assert f"{NOTES}:5 What is gradient clipping?" in result.output
    assert answer_of(cards / "gradient-clipping.md").startswith("Clipping rescales the gradient")
    assert answer_of(cards / "adam-need-bias-correction.md").startswith(
        "The moment estimates start at zero"
    )
    assert front(cards / "dropout-scale-kept-units.md")["title"] == (
        "Why does dropout scale the kept units?"
    )
    assert "not imported" not in result.output


def test_a_remark_in_an_answer_that_ends_in_a_question_mark_stays_a_remark(
    tmp_path: Path,
) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    decay = answer_of(tmp_path / "c" / "p" / "p" / "weight-decay.md")
    assert decay.endswith("> 💡 Interviewers often ask whether it equals an L2 penalty under Adam?")
    assert "L2 penalty under Adam?\n" not in result.output.split("weight-decay.md")[0]


def test_every_line_keeps_its_number_and_code_is_left_alone() -> None:
    text = read_notion_properties(NOTES.read_text(encoding="utf-8")).text  # as import reads it
    read = read_asking_boxes(text)
    assert read.lines == (5, 13, 20)
    assert read.text.count("\n") == text.count("\n")
    fenced = "```html\n<aside>\n❓ What is X?\n</aside>\n```\n"
    assert read_asking_boxes(fenced).text == fenced
    never_closed = "## Notes\n\n<aside>\n❓ What is X?\n\nThe rest.\n"
    assert read_asking_boxes(never_closed).lines == ()


def test_which_first_paragraphs_ask() -> None:
    assert asks(["Q: Define perplexity"], False)
    assert asks(["**What is a logit?**"], False)
    assert asks(["❓ What is a logit?"], False)
    assert asks(["💡 What is a logit?"], True)  # its answer is in the box
    assert asks(["💡 What is a logit?"], False, leads=True)  # under a heading that asks nothing
    assert not asks(["💡 What is a logit?"], False)  # a remark under an answer
    assert not asks(["💡 Remember the bias term."], True)
