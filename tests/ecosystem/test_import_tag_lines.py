"""A line of only Obsidian tags (`#review`) tags the note: it is no answer text.

Import took such a line (vaults end many notes with one) into the answer of the question
above it, and the card's answer ended in "#review"; the tags were lost."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.tagline import take_tag_lines
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTE = (
    "#flashcards\n"
    "\n"
    "## What is label smoothing?\n"
    "\n"
    "It mixes the one-hot target with a uniform one. It curbs overconfidence. It often "
    "improves calibration.\n"
    "\n"
    "#review #ml/deep-learning\n"
)


def test_a_tag_line_gives_every_card_its_tags_and_no_text(tmp_path: Path) -> None:
    notes = tmp_path / "vault.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c").rglob("label-smoothing*.md")
    assert answer_of(card) == (
        "It mixes the one-hot target with a uniform one. It curbs overconfidence. It often "
        "improves calibration."
    )
    assert front(card)["tags"] == ["flashcards", "review", "ml", "ml-deep-learning"]
    assert (
        f"{notes}:1: note: tags: lines 1, 7 hold only Obsidian tags (#flashcards #review "
        "#ml/deep-learning): its tags (flashcards, review, ml, ml-deep-learning) are given to "
        "every card, not answer text"
    ) in result.output
    assert f"← {notes}:3 What is label smoothing?" in result.output


def test_headings_code_numbers_and_tags_in_text_are_left_alone() -> None:
    for text in (
        "# Title\n## Q1: Why?\n#1 is a number.\n",
        "```c\n#include\n#define\n```\n",
        "~~~\n#tag in a fence\n#tag\n~~~\n",
        "    #tag in indented code\n\t#tag\n",
        "Some text #tag in it.\n",
        "#tag and words\n",
    ):
        assert take_tag_lines(text).text == text, text


def test_lines_keep_their_numbers_and_crlf() -> None:
    taken = take_tag_lines("## Q?\r\n#a #b-c\r\nText.\r\n")
    assert taken.text == "## Q?\r\n\r\nText.\r\n"
    assert (taken.tags, taken.lines) == (("a", "b-c"), (2,))


def test_pathological_hashes_end() -> None:
    """Runs of `#` and of tag-like lines: each character looked at a bounded number of times."""
    for text in ("#" * 400_000, "\n#a" * 100_000, "   #" * 100_000, "#a " * 100_000):
        assert take_tag_lines(text).text.count("\n") == text.count("\n")


TAGGED_HEADINGS = """\
# Misc

## What is gradient descent? #ml #optimization/first-order

It moves the parameters against the gradient of the loss. The step size is the learning \
rate. Small steps reach a local minimum.

## What is a learning-rate warmup? (Easy)

The learning rate starts small and grows over the first steps. It avoids early divergence \
with Adam. Transformers usually need it.

## What does item #2 of the checklist say? (asked at every interview)

Shuffle the training data every epoch. Ordered batches bias the gradient. Shuffling is cheap.
"""


def test_tags_and_a_difficulty_label_ending_a_heading_are_no_words_of_its_title(
    tmp_path: Path,
) -> None:
    """`## What is gradient descent? #ml` and `## What is warmup? (Easy)` were skipped as
    "not a question (... no '?' ...)" though they end their question with one: the tags
    are the card's now, the label is dropped, a remark in brackets after '?' stays."""
    notes = tmp_path / "misc.md"
    notes.write_text(TAGGED_HEADINGS, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content), "--tag", "prep")
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output
    cards = {front(path)["title"]: front(path) for path in content.rglob("*.md")}
    assert cards["What is gradient descent?"]["tags"] == [
        "prep",
        "ml",
        "optimization",
        "optimization-first-order",
    ]
    assert cards["What is gradient descent?"]["id"] == "gradient-descent"
    assert cards["What is a learning-rate warmup?"]["tags"] == ["prep"]
    remark = "What does item #2 of the checklist say? (asked at every interview)"
    assert cards[remark]["tags"] == ["prep"]
