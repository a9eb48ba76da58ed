"""A plan holds its cards, not the notes' questions, and lets each question go once its
card is made.

Each planned card held the question it was made from (its answer, its prompt, the cloze
note it came from), though the card's text holds the answer already: the plan of a large
file held every answer twice, and the notes' questions stayed alive to the end of the
plan beside all their cards (the peak). A card now keeps where it was asked (`AskedAt`),
and the questions are let go one by one as their cards are made.
"""

from __future__ import annotations

import gc
import random
from pathlib import Path
from typing import Any

import pytest

from quiz.ecosystem import cardplan, importer, planjobs
from quiz.ecosystem.importplan import ImportPlan
from quiz.ecosystem.notes.found import NoteQuestion
from quiz.ecosystem.planjobs import NotesLines
from tests.conftest import DATA


def _notes(tmp_path: Path) -> Path:
    """Every notes fixture in one file: every shape of question the reader finds."""
    fixtures = sorted((DATA / "notes").glob("*.md"))
    path = tmp_path / "notes.md"
    text = "\n\n".join(fixture.read_text(encoding="utf-8") for fixture in fixtures)
    path.write_text(text, encoding="utf-8")
    return path


def _questions_alive() -> list[NoteQuestion]:
    """The notes' questions alive now, cycles collected first so that the count does not
    depend on when the collector last ran."""
    gc.collect()
    return [thing for thing in gc.get_objects() if isinstance(thing, NoteQuestion)]


def _alive_questions(before: list[NoteQuestion] | None = None) -> int:
    """How many of the notes' questions are alive now, not counting those alive `before`
    (other tests' questions in the same worker; held in that list, so their ids are not
    reused)."""
    known = {id(question) for question in before or ()}
    return sum(id(question) not in known for question in _questions_alive())


def _plan(notes: Path, tmp_path: Path) -> ImportPlan:
    """The notes planned in this process (no helper, whose questions are its own)."""
    return importer.plan_import(
        notes, content_dir=tmp_path / "c", pack="p", text=notes.read_text(encoding="utf-8")
    )


def test_a_plan_holds_none_of_the_notes_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "split_pays", lambda _questions: False)
    monkeypatch.setattr(importer, "early_split_pays", lambda _text: False)
    before = _questions_alive()
    plan = _plan(_notes(tmp_path), tmp_path)
    assert len(plan.cards) > 50
    assert _alive_questions(before) == 0
    first = plan.cards[0]
    assert first.path == first.folder / f"{first.card_id}.md"
    assert first.question.line > 0 and first.question.title


def test_the_questions_are_let_go_as_their_cards_are_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted at each card made: the questions alive go down as the plan goes on (they
    stayed all alive to its end)."""
    monkeypatch.setattr(importer, "split_pays", lambda _questions: False)
    monkeypatch.setattr(importer, "early_split_pays", lambda _text: False)
    alive: list[int] = []
    real = cardplan.plan_card
    before = _questions_alive()

    def counting(*args: Any, **kwargs: Any) -> Any:
        alive.append(_alive_questions(before))
        return real(*args, **kwargs)

    monkeypatch.setattr(planjobs, "plan_card", counting)
    gc.freeze()  # the worker's older objects: each collection walks only the plan's own
    try:
        _plan(_notes(tmp_path), tmp_path)
    finally:
        gc.unfreeze()
    assert len(alive) > 50
    assert alive[-1] < alive[0] / 10, (alive[0], alive[-1])


def _line_of_split(text: str, needle: str, start: int) -> int:
    """The rule as it was, on the notes split into a list of lines."""
    rows = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    first = needle.strip().split("\n")[0].strip()
    for row in range(max(start - 1, 0), len(rows)):
        if first and first in rows[row]:
            return row + 1
    return start


def test_a_formulas_line_is_found_as_on_the_notes_lines() -> None:
    """`NotesLines.line_of` (a search in the text from the line's offset) names the line
    the list of lines named, for needles anywhere, absent, empty or past the end."""
    chooser = random.Random(32)
    words = ["\\frac{a}{b}", "x", "\\sum_i", "", " ", "\\mathbb{R}", "y\nz", "\ufeff"]
    for _ in range(2000):
        rows = [" ".join(chooser.choices(words, k=chooser.randint(0, 3))) for _ in range(6)]
        text = chooser.choice(["", "\ufeff"]) + chooser.choice(["\n", "\r\n"]).join(rows)
        needle = chooser.choice(words) + chooser.choice(["", "\nmore"])
        start = chooser.randint(0, 8)
        assert NotesLines(text).line_of(needle, start) == _line_of_split(text, needle, start), (
            text,
            needle,
            start,
        )
