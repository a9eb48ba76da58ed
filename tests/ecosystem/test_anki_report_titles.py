"""Which packs an Anki export's report says were retitled (a title Anki would split at '::').

Written for the forty-seventh round's mutation audit of quiz/ecosystem/anki.py: the report's
`retitled` was read only through `drillbit export anki` started as a process, so in the
test's own process `title and written != title` made `or` passed, which reports every pack
with a title as renamed to itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki
from tests.conftest import DATA


@pytest.mark.parametrize(
    ("title", "retitled"),
    [
        ("ML::Basics", (("ML::Basics", "ML:Basics"),)),
        ("Anki fixture", ()),
        ("", ()),  # no title: the deck is the pack's name
    ],
)
def test_only_a_title_anki_would_split_is_reported_retitled(
    tmp_path: Path, title: str, retitled: tuple[tuple[str, str], ...]
) -> None:
    cards = load_bank([DATA / "anki_bank"]).cards
    report = export_anki(cards, tmp_path / "deck.apkg", pack_titles={"anki": title}, now=1)
    assert report.retitled == retitled
    assert report.notes == 3 and report.told_apart == ()
