"""Counts in words: one card, two cards (lines said "1 card(s)" and "(1 attempts)")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.logseqmacros import take_macros
from quiz.overview import describe_due
from quiz.plural import counted, plural
from quiz.study.counts import Counts
from quiz.verdict_text import none_ran


@pytest.mark.parametrize(
    ("count", "said"), [(0, "0 cards"), (1, "1 card"), (2, "2 cards"), (10_144, "10144 cards")]
)
def test_only_one_is_singular(count: int, said: str) -> None:
    assert counted(count, "card") == said


def test_an_irregular_plural_and_a_verb_that_agrees() -> None:
    assert counted(1, "entry", "entries") == "1 entry"
    assert counted(3, "entry", "entries") == "3 entries"
    assert counted(1, "card is", "cards are") == "1 card is"
    assert counted(0, "card is", "cards are") == "0 cards are"
    assert plural(1, "card waits", "cards wait") == "card waits"
    assert plural(2, "card waits", "cards wait") == "cards wait"


def test_a_due_date_a_day_away_is_one_day() -> None:
    """A card due in 30 hours was "in 1 days"."""
    now = datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert describe_due(now + timedelta(hours=30), now, UTC) == "in 1 day (2026-03-02)"
    assert describe_due(now + timedelta(days=3), now, UTC) == "in 3 days (2026-03-04)"


def test_code_that_did_not_load_ran_no_case() -> None:
    assert none_ran(9) == "none of the 9 cases ran"
    assert none_ran(1) == "the one case did not run"


def test_a_bank_of_one_card_sums_to_one_card() -> None:
    """Home's and Stats' sum read "= 1 cards" for a bank of one."""
    assert Counts(total=1, new=1).breakdown() == "1 new + 0 learning + 0 review = 1 card"


def test_line_numbers_name_the_first_five_and_count_the_rest() -> None:
    """The import report's notes said "lines 1, 2, 3, 4, 5 ..." for macros and properties
    and "... and 2 more" for footnotes and references: one phrase now, counting the rest."""
    assert line_numbers([7]) == "line 7"
    assert line_numbers((3, 9)) == "lines 3, 9"
    assert line_numbers(list(range(1, 8))) == "lines 1, 2, 3, 4, 5 and 2 more"
    assert line_numbers(list(range(1, 7)), shown=6) == "lines 1, 2, 3, 4, 5, 6"


def test_macros_on_more_than_five_lines_say_how_many_more() -> None:
    text = "".join(f"- {{{{video https://example.org/{n}}}}}\n" for n in range(7))
    note = take_macros(text).note()
    assert note is not None
    assert note.startswith("lines 1, 2, 3, 4, 5 and 2 more hold Logseq macros (")
