"""Answer length: a card reviewed every day must read in about a minute.

Concept answers had grown to 500-840 words (attention-complexity, mini-batch-gradient-descent,
sgd-momentum-adam), five minutes of reading for one flashcard; the thirtieth round cut every
answer and explanation of the bundled bank to at most MAX_ANSWER_WORDS, and this holds it there.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.bank.answer_length import ANSWER_SECTIONS, MAX_ANSWER_WORDS, word_count
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from tests.conftest import DATA


def test_a_table_row_counts_its_cells_words_not_its_pipes() -> None:
    assert word_count("| full batch | exact |\n|---|---|") == 3
    assert word_count("The cost is $O(T^2 d)$.") == 5


def test_every_bundled_answer_reads_in_about_a_minute() -> None:
    too_long = {
        f"{card.id} ({name})": count
        for card in load_bank([bundled_content_dir()]).cards
        for name, section in card.sections.items()
        if name in ANSWER_SECTIONS
        if (count := word_count(section.text)) > MAX_ANSWER_WORDS
    }
    assert too_long == {}


def _with_answer(tmp_path: Path, words: int) -> Path:
    """The mini bank's ReLU card with an answer of `words` words."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    card = root / "mini" / "basics" / "what-is-relu.md"
    head, _, _ = card.read_text(encoding="utf-8").partition("## Answer\n")
    card.write_text(head + "## Answer\n\n" + "word " * words + "\n", encoding="utf-8")
    return card


def test_an_authors_long_answer_is_warned_of_at_its_heading(tmp_path: Path) -> None:
    """An author's pack was told nothing: only this file's test held the bundled bank to
    the limit, and a 600-word answer linted clean."""
    card = _with_answer(tmp_path, MAX_ANSWER_WORDS + 1)
    heading = card.read_text(encoding="utf-8").splitlines().index("## Answer") + 1
    _, problems = lint([card], run_drills=False)
    assert [(p.path, p.line, p.code, p.is_error) for p in problems] == [
        (card, heading, "answer-too-long", False)
    ]
    assert problems[0].message.startswith(f"## Answer has {MAX_ANSWER_WORDS + 1} words")


def test_an_answer_at_the_limit_is_fine(tmp_path: Path) -> None:
    card = _with_answer(tmp_path, MAX_ANSWER_WORDS)
    assert lint([card], run_drills=False)[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "The loss $O(T^2 d)$ grows | --- | fast.",
        "a_b __ 3 - x² ‖w‖ ---",
        "tabs\tand\nnew lines\u00a0and no-break spaces",
        "",
    ],
)
def test_word_count_counts_each_run_with_a_letter_or_digit(text: str) -> None:
    """What the whole-word pattern counted, one run between spaces at a time."""
    assert word_count(text) == len(re.findall(r"\S*[^\W_]\S*", text))


def test_a_long_run_without_a_word_is_no_word() -> None:
    """`[` 100,000 times (a slip in a card's answer) counted with a pattern that
    backtracked over the run from each of its characters: lint ran for minutes."""
    assert word_count("[" * 100_000 + " word") == 1
