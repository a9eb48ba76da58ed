"""A Notion `<aside>` holding its question and answer on one line is a card, and reports
name each HTML box by its tag.

Such an aside after an answer was named as text not imported, and the text after a
`<details>` block read as a question was said to follow a "callout question", a name the
file never used. An aside whose one `?` ends its question is that question now; one with
more than one `?` is named at its line with what to change."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.callouts import callout_of, header_text
from quiz.ecosystem.htmlboxes import read_asking_boxes
from tests.ecosystem.test_import_notes import answer_of, imported_cards

NOTES = (
    "# Optimizers\n"  # 1
    "\n"
    "<details>\n"
    "<summary>What is weight decay?</summary>\n"  # 4
    "\n"
    "It shrinks every weight toward zero at each update.\n"
    "\n"
    "</details>\n"
    "\n"
    "<aside>💡 What does Adam's epsilon do? It keeps the division away from zero.</aside>\n"
    "\n"
    "<aside>\n"  # 12
    "❓ What is gradient clipping?\n"
    "\n"
    "Clipping rescales the gradient when its norm is too large.\n"
    "</aside>\n"
    "\n"
    '<aside><img src="icon.png" /> Why scale by `1/(1-p)`? The kept units keep the mean.'
    "</aside>\n"  # 18
    "\n"
    "Text nobody asked about.\n"  # 20: in the run-in question's answer, as under `**Q?** A`
)


def test_a_one_line_aside_after_an_answer_is_its_own_card(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(tmp_path, NOTES)
    assert sorted(cards) == [
        "What does Adam's epsilon do?",
        "What is gradient clipping?",
        "What is weight decay?",
        "Why scale by 1/(1-p)?",  # a title's code marks go, as anywhere
    ]
    assert answer_of(cards["What does Adam's epsilon do?"]) == (
        "It keeps the division away from zero."
    )
    assert answer_of(cards["Why scale by 1/(1-p)?"]).startswith("The kept units keep the mean.")
    assert answer_of(cards["What is weight decay?"]) == (
        "It shrinks every weight toward zero at each update."
    )
    assert f"{notes}:10 What does Adam's epsilon do?" in said
    assert "Adam's epsilon do? It keeps" not in said  # not named as text not imported


def test_the_report_names_each_box_by_its_tag(tmp_path: Path) -> None:
    details = NOTES.replace("Text nobody asked about.\n", "") + (
        "\n<details>\n<summary>What is dropout?</summary>\n\nIt zeroes units.\n</details>\n"
        "\nMore.\n"  # line 27
    )
    _, said, notes = imported_cards(tmp_path, details)
    assert (
        f"{notes}:27: skipped 'More.': text after the <details> question 'What is dropout?' "
        "(line 22), which holds its own answer, not imported"
    ) in said
    (tmp_path / "aside").mkdir()
    _, said, notes = imported_cards(tmp_path / "aside", NOTES.replace("\n<aside><img", "\n<x"))
    assert (
        f"{notes}:18: skipped '<x src=\"icon.png\" /> Why scale by `1/(1-p)`? The…': text "
        "(lines 18-20) after the <aside> question 'What is gradient clipping?' (line 12), "
        "which holds its own answer, not imported"
    ) in said
    assert "callout question" not in said


def test_an_aside_whose_question_could_end_at_two_marks_is_named(tmp_path: Path) -> None:
    text = NOTES.replace("It keeps the division away", "Is it tiny? Yes, it keeps it away")
    cards, said, notes = imported_cards(tmp_path, text)
    assert "What does Adam's epsilon do?" not in cards
    assert (
        f"{notes}:10: note: <aside>: on one line with more than one '?', not read as a "
        "question (which '?' ends it is unclear): put its question alone on the aside's "
        "first line and its answer on the lines under it"
    ) in said


def test_what_a_one_line_aside_stays() -> None:
    remark = "## What is Adam?\n\nAn optimizer.\n\n<aside>💡 Remember the bias term.</aside>\n"
    assert read_asking_boxes(remark).lines == ()
    one_word = "## What is Adam?\n\nAn optimizer.\n\n<aside>💡 Why? Bias correction.</aside>\n"
    assert read_asking_boxes(one_word).lines == ()
    run_on = "<aside>💡 What is Adam? An optimizer.</aside>\nmore text\n"
    assert read_asking_boxes(run_on).lines == ()
    read = read_asking_boxes("<aside>💡 What is Adam? An optimizer.</aside>\n\nNext.\n")
    assert read.lines == (1,)
    assert read.text == "**What is Adam?** An optimizer.\n\nNext.\n"


def test_a_box_read_as_a_callout_is_named_and_shown_by_its_tag() -> None:
    """Where a report or a card shows such a box, it says what the file holds: `<aside>`,
    and the "Question" its header always showed, never `[!html-aside]`."""
    header = read_asking_boxes("<aside>❓ What is X?\n\nIt is Y.\n</aside>\n").text
    first = header.split("\n")[0]
    box = callout_of(first.removeprefix("> "), 0, 4)
    assert box is not None and box.asks
    assert box.name == "<aside> ❓ What is X?"
    assert header_text(first, box) == "> **Question: ❓ What is X?**"
    plain = callout_of("[!tip] Inverted dropout", 0, 1)
    assert plain is not None and plain.name == "[!tip] Inverted dropout"
