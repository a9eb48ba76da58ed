"""What an exported note's fields hold where the export's other tests never looked.

Written for the forty-seventh round's mutation audit of quiz/ecosystem/anki.py
(`written_number` to the end): a numeric answer the card writes in a form that is not a
plain number (`.5`, `0x10`) had no test, so `written_number` returning None for its
fallback passed (each such export then stopped on an AttributeError), and no test read the key
points' list as a bulleted one (`_list`'s `ordered` made True by default numbered them).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.models import Card
from quiz.bank.sources import content_roots
from quiz.ecosystem.anki import note_for
from tests.conftest import DATA

NUMERIC = Path("anki", "math", "sigmoid-max-slope.md")
"""A numeric card (`answer: 0.25`, unit 'per unit of z') of the Anki fixture bank."""


def _cards(tmp_path: Path, edit: tuple[str, str] | None = None) -> dict[str, Card]:
    """The Anki fixture bank's cards by id, the numeric card's text edited first."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", root)
    if edit is not None:
        card = root / NUMERIC
        text = card.read_text(encoding="utf-8")
        assert edit[0] in text
        card.write_text(text.replace(edit[0], edit[1]), encoding="utf-8")
    return {card.id: card for card in load_bank(content_roots([root])).cards}


def _shown_answer(card: Card) -> str:
    note = note_for(card)
    assert note is not None
    shown = re.search(r'<div class="numeric-answer">([^<]*)</div>', note.fields[1])
    assert shown is not None, note.fields[1]
    return shown.group(1)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (".5", "0.5"),  # YAML's float with no digit before the point
        ("0x10", "16"),  # YAML's hexadecimal integer
        ("1__0", "10"),  # YAML reads 10; Python's float() refuses the doubled '_'
        ("+4", "4"),  # the plus sign is not shown
    ],
)
def test_an_answer_written_in_no_plain_form_is_shown_as_its_number(
    tmp_path: Path, written: str, shown: str
) -> None:
    cards = _cards(tmp_path, ("answer: 0.25", f"answer: {written}"))
    assert _shown_answer(cards["sigmoid-max-slope"]) == f"{shown} per unit of z"


def test_an_answer_whose_file_went_away_after_loading_is_shown_as_its_number(
    tmp_path: Path,
) -> None:
    """The export reads the answer's line again; a file deleted since (a `git checkout`
    while the app runs) falls back to the loaded number, with no traceback."""
    cards = _cards(tmp_path, ("answer: 0.25", "answer: 2.5e-1"))
    card = cards["sigmoid-max-slope"]
    assert _shown_answer(card) == "2.5e-1 per unit of z"
    card.path.unlink()
    assert _shown_answer(card) == "0.25 per unit of z"


def test_an_answer_edited_after_loading_shows_the_loaded_number(tmp_path: Path) -> None:
    """The line is shown as written only while it still holds the number the card has."""
    cards = _cards(tmp_path, ("answer: 0.25", "answer: 2.5e-1"))
    card = cards["sigmoid-max-slope"]
    text = card.path.read_text(encoding="utf-8")
    card.path.write_text(text.replace("answer: 2.5e-1", "answer: 5e-1"), encoding="utf-8")
    assert _shown_answer(card) == "0.25 per unit of z"


def test_a_concepts_key_points_are_a_bulleted_list(tmp_path: Path) -> None:
    """Key points are not steps: `<ul>`, as the choices (which are numbered) are not."""
    note = note_for(_cards(tmp_path)["softmax-gradient"])
    assert note is not None
    points = note.fields[2]
    assert points.startswith("<ul><li>") and points.endswith("</li></ul>"), points
    assert points.count("<li>") == 3 and "<ol" not in points
