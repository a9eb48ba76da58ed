"""What an Anki export's report says: the packs retitled (a title Anki would split at '::')
and the images written.

Written for the forty-seventh round's mutation audit of quiz/ecosystem/anki.py: the report's
`retitled` and `images` were read only through `drillbit export anki` started as a process,
so in the test's own process `title and written != title` made `or` passed, which reports
every pack with a title as renamed to itself, and so did `images` counted only when no deck
was written (0 for every export).
"""

from __future__ import annotations

import shutil
import zipfile
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


def test_the_images_written_are_counted(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "anki_bank", bank)
    path = tmp_path / "deck.apkg"
    assert export_anki(load_bank([bank]).cards, path, now=1).images == 0
    card = bank / "anki" / "math" / "softmax-gradient.md"
    (card.parent / "curve.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("## Answer\n", "![a curve](curve.png)\n\n## Answer\n"), "utf-8")
    report = export_anki(load_bank([bank]).cards, path, now=1)
    assert report.images == 1 and report.images_left_out == ()
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["collection.anki2", "media", "0"]


def test_an_export_of_coding_drills_alone_writes_nothing_and_counts_no_image(
    tmp_path: Path,
) -> None:
    drills = [card for card in load_bank([DATA / "anki_bank"]).cards if card.front.kind == "coding"]
    path = tmp_path / "deck.apkg"
    report = export_anki(drills, path, now=1)
    assert (report.notes, report.decks, report.skipped_coding, report.images) == (0, 0, 1, 0)
    assert not path.exists()
