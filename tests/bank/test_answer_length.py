"""Answer length: a card reviewed every day must read in about a minute.

Concept answers had grown to 500-840 words (attention-complexity, mini-batch-gradient-descent,
sgd-momentum-adam), five minutes of reading for one flashcard; the thirtieth round cut every
answer and explanation of the bundled bank to at most MAX_ANSWER_WORDS, and this holds it there.
"""

from __future__ import annotations

import re

from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir

MAX_ANSWER_WORDS = 400
"""About a minute and a half of reading, formulas included; the longest answer has 400."""

ANSWER_SECTIONS = ("Answer", "Explanation")

# A word has a letter or a digit: table pipes and rules ("|", "---") are layout, not reading.
_WORD = re.compile(r"\S*[^\W_]\S*")


def word_count(text: str) -> int:
    """Words a reader reads in `text`; a formula such as $O(T^2 d)$ counts as its pieces."""
    return len(_WORD.findall(text))


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
