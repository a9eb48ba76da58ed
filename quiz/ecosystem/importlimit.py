"""How many questions one import plans at most, and the refusal of a file with more.

A plan holds every card it makes until they are written (about 1.5 KB and a quarter of a
millisecond of CPU each): within the 8 MiB file limit a CSV of 200,000 short rows took
393 MB and 48 s of CPU to preview. A file of more questions than `MAX_QUESTIONS` is
refused before any card is made, a card list before its rows are even read as notes.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

__all__ = ["MAX_QUESTIONS", "TooManyQuestions", "check_questions", "check_rows"]

MAX_QUESTIONS = 25_000
"""The most questions (a card list's rows, a cloze note's numbers each) one file gives."""


class TooManyQuestions(ValueError):
    """A file that would give more questions than one import plans; its words say how to
    split it."""

    def __init__(self, count: int, what: str, limit: int, card_list: bool) -> None:
        self.count = count
        way = (
            f"split its rows into files of at most {limit:,}, each under a copy of its header row,"
            if card_list
            else f"split it at headings into files of at most {limit:,} questions"
        )
        super().__init__(
            f"{count:,} {what}, over the limit of {limit:,} a file (an import holds every "
            f"card it makes until they are written): {way} and import each with the same --pack"
        )


def check_questions(count: int, *, card_list: bool) -> None:
    """Refuse (TooManyQuestions) a file whose notes gave more than `MAX_QUESTIONS`."""
    limit = MAX_QUESTIONS
    if count > limit:
        raise TooManyQuestions(count, "questions", limit, card_list)


def check_rows(rows: Iterable[str], separator: str) -> None:
    """Refuse (TooManyQuestions) a card list of more rows with text than `MAX_QUESTIONS`
    and a row naming its columns, rows counted as Anki's reader parts them (a quoted field
    may run over lines), blank ones not: a note gives at least one question, so such a file
    is refused before its rows are read as notes."""
    limit = MAX_QUESTIONS
    count = sum(
        1
        for row in csv.reader(rows, delimiter=separator, strict=False)
        if any(field.strip() for field in row)
    )
    if count > limit + 1:  # a first row may name the columns: it is no card
        raise TooManyQuestions(count, "rows", limit, card_list=True)
