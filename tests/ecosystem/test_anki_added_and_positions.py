"""What Anki shows of a new note's place and age: its "New #" and its "Added" date.

Written for the forty-seventh round's mutation audit of quiz/ecosystem/anki.py: the tests
compared new cards' positions with each other only, so numbering them from 2 passed, and
no test read a note's or card's id, which Anki shows as the day it was added (genanki counts
them up from the package's time in milliseconds: `* 1001` dated the notes in 2080).
"""

from __future__ import annotations

import shutil
import sqlite3
import time
import zipfile
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki, teaching_positions
from quiz.ecosystem.anki_times import ContentTimes
from tests.conftest import DATA

ANKI_BANK = DATA / "anki_bank"
NOW = 1_700_000_000


def _rows(tmp_path: Path, sql: str) -> list[tuple[int, ...]]:
    path = tmp_path / "deck.apkg"
    export_anki(load_bank([ANKI_BANK]).cards, path, now=NOW)
    with zipfile.ZipFile(path) as archive:
        collection = archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(collection)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_new_cards_are_numbered_from_1_in_the_banks_order(tmp_path: Path) -> None:
    cards = load_bank([ANKI_BANK]).cards
    exported = [card.id for card in cards if card.front.kind != "coding"]
    assert teaching_positions(cards) == {card_id: n for n, card_id in enumerate(exported, 1)}
    dues = _rows(tmp_path, "SELECT due FROM cards ORDER BY due")
    assert [due for (due,) in dues] == [1, 2, 3]


def test_notes_and_cards_are_added_at_the_packages_time(tmp_path: Path) -> None:
    """Anki's browser shows a note's id (milliseconds since 1970) as the day it was added."""
    ids = _rows(tmp_path, "SELECT id FROM notes UNION ALL SELECT id FROM cards")
    assert len(ids) == 6
    assert all(NOW * 1000 <= note_id < NOW * 1000 + 1000 for (note_id,) in ids), ids


def test_an_export_given_no_time_is_dated_by_the_clock(tmp_path: Path) -> None:
    """`now` is for the CLI's clock and the tests; a caller that gives none gets the time
    the export ran (the mutant that always took `now` wrote None and failed to compare)."""
    path = tmp_path / "deck.apkg"
    before = int(time.time())
    export_anki(load_bank([ANKI_BANK]).cards, path)
    after = int(time.time())
    with zipfile.ZipFile(path) as archive:
        collection = archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(collection)
    try:
        mods = [mod for (mod,) in conn.execute("SELECT mod FROM notes")]
    finally:
        conn.close()
    assert len(mods) == 3 and all(before <= mod <= after for mod in mods), (before, mods, after)


def test_a_reexport_is_dated_by_its_newest_change(tmp_path: Path) -> None:
    """Notes keep the time their content was first exported; the package's time, from which
    the ids of notes new to a collection count, is the newest of them, not the oldest."""
    bank = tmp_path / "bank"
    shutil.copytree(ANKI_BANK, bank)
    times = ContentTimes(tmp_path / "times.json")
    export_anki(load_bank([bank]).cards, tmp_path / "one.apkg", times=times, now=NOW)
    card = bank / "anki" / "math" / "softmax-gradient.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("Divide by $m$", "Divide by the batch size $m$"), "utf-8")
    later = NOW + 86_400
    path = tmp_path / "two.apkg"
    export_anki(load_bank([bank]).cards, path, times=times, now=later)
    with zipfile.ZipFile(path) as archive:
        collection = archive.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(collection)
    try:
        mods = sorted(mod for (mod,) in conn.execute("SELECT mod FROM notes"))
        ids = [note_id for (note_id,) in conn.execute("SELECT id FROM notes")]
    finally:
        conn.close()
    assert mods == [NOW, NOW, later]
    assert all(later * 1000 <= note_id < later * 1000 + 1000 for note_id in ids), ids
