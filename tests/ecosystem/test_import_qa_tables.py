"""A two-column table of questions and answers is a card a row.

`| Question | Answer |` over its rows (a Notion table exported as Markdown, a review sheet)
was a table in no question's answer: "no questions found".
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.qatables import read_qa_tables
from tests.ecosystem.test_import_notes import answer_of, front, run_import

SHEET = """\
# Quick review

| **Question** | Answer |
| --- | :--- |
| What does ReLU compute? | The maximum of zero and its input. |
| Why use batch normalization? | It keeps activations in a stable range, so larger learning rates work. |
| What does `a \\| b` mean in a shell? | It pipes the output of `a` into `b`. |
"""


def test_rows_become_one_line_questions_in_place() -> None:
    rows = read_qa_tables(SHEET).split("\n")
    assert len(rows) == len(SHEET.split("\n"))
    assert rows[2:4] == ["", ""]
    assert rows[4] == "- Q: What does ReLU compute? **A:** The maximum of zero and its input."
    assert (
        rows[6]
        == "- Q: What does `a | b` mean in a shell? **A:** It pipes the output of `a` into `b`."
    )
    crlf = SHEET.replace("\n", "\r\n")
    assert read_qa_tables(crlf).split("\n")[4].endswith("input.\r")


def test_other_tables_are_left() -> None:
    for text in (
        "| Term | Definition |\n| --- | --- |\n| ReLU | max(0, x) |\n",  # an answer's glossary
        "| Question | Answer | Tags |\n| --- | --- | --- |\n| a? | b | c |\n",  # three columns
        "```\n| Question | Answer |\n| --- | --- |\n| a? | b |\n```\n",  # code
        "| Question | Answer |\nno rule under it\n",
    ):
        assert read_qa_tables(text) == text


def test_a_review_sheet_imports_a_card_a_row(tmp_path: Path) -> None:
    notes = tmp_path / "review.md"
    notes.write_text(SHEET, encoding="utf-8")
    result = run_import(str(notes), "--pack", "r", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "3 questions seen, 3 cards written" in said and "skipped" not in said, said
    cards = {str(front(p)["title"]): p for p in (tmp_path / "c/r/r").glob("*.md")}
    assert answer_of(cards["What does ReLU compute?"]) == "The maximum of zero and its input."
    assert answer_of(cards["Why use batch normalization?"]).startswith("It keeps activations")
    assert "|" not in answer_of(cards["Why use batch normalization?"])
