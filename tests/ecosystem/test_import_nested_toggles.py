"""Notion toggles as HTML: a toggle inside a toggle's answer, and a toggle on one line.

A `<details>` question whose answer held another `<details>` ended at the inner one's
`</details>`: the inner summary ("Bayesian view") was read as the answer's marker, so the
real answer became the question's text and the inner toggle's text the whole answer, and
the rest was named as text not imported. A toggle on one line in a list item (`- <details>
<summary>What is statistical power?</summary>The probability ...</details>`) was no question.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.htmlboxes import read_asking_boxes
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "notion-nested-toggles.md"


def test_a_toggle_in_a_toggle_stays_in_its_answer_opened() -> None:
    text = NOTES.read_text(encoding="utf-8")
    rows = read_asking_boxes(text).text.split("\n")
    assert len(rows) == len(text.split("\n"))  # every line keeps its number
    assert (
        rows[8]
        == "> [!html-details] Why is a confidence interval not a probability statement about the parameter?"
    )
    assert rows[12:15] == [
        ">",
        "> **Bayesian view:**",
        "> A credible interval does make a probability statement, given a prior.",
    ]
    assert (
        rows[19]
        == "- **What is statistical power?** The probability of rejecting the null hypothesis when it is false."
    )


def test_one_line_toggles_that_ask_nothing_or_hold_nothing_are_left() -> None:
    for row in (
        "- <details><summary>Show answer</summary>It is 42.</details>",  # asks nothing
        "- <details><summary>Why?</summary></details>",  # no answer in it
    ):
        assert read_asking_boxes(row).text == row
    child = "  - <details><summary>Why?</summary>Because.</details>"  # an item's child item
    assert read_asking_boxes(child).text == "  - **Why?** Because."


def test_nested_toggles_import_as_asked(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "stats", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "3 questions seen, 3 cards written" in said and "skipped" not in said, said
    cards = {str(front(p)["title"]): p for p in (tmp_path / "c/stats/stats").glob("*.md")}
    interval = cards[
        "Why is a confidence interval not a probability statement about the parameter?"
    ]
    card_text = interval.read_text(encoding="utf-8")
    question = card_text.split("## Question", 1)[1].split("## Answer", 1)[0].strip()
    assert (
        question == "Why is a confidence interval not a probability statement about the parameter?"
    )
    answer = answer_of(interval)
    assert answer.startswith("The parameter is fixed; the interval is random.")
    assert "**Bayesian view:**\nA credible interval does make a probability statement" in answer
    assert "<" not in answer
    points = front(interval)["key_points"]
    assert isinstance(points, list) and "The parameter is fixed; the interval is random." in points
    power = answer_of(cards["What is statistical power?"])
    assert power == "The probability of rejecting the null hypothesis when it is false."
