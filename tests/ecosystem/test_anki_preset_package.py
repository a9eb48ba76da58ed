"""The deck options preset as the exported package holds it, read back with sqlite (old
Anki and AnkiDroid clients read this JSON as it is), and a shared pack title told apart by
a pack name that is no deck level as written. Forty-sixth round mutants of
`quiz/ecosystem/anki_decks.py` passed the tests that read the preset through a new Anki."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.ecosystem.anki import export_anki
from quiz.ecosystem.anki_decks import TOP_DECK, pack_deck_names
from quiz.ecosystem.anki_times import ContentTimes
from tests.conftest import DATA

RELEASED_PRESET_ID = 1_607_392_310
"""The preset id every export since the preset came has written: a collection that imported
one finds the preset again by it (another id adds a second preset, and the decks of a later
import move to it, away from the learner's changes)."""


def _package_collection(tmp_path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    bank = load_bank(content_roots([DATA / "anki_bank"]))
    cards = [card for card in bank.cards if card.pack == "anki"]
    apkg = tmp_path / "deck.apkg"
    export_anki(cards, apkg, times=ContentTimes(tmp_path / "t.json"), now=1_700_000_000)
    with zipfile.ZipFile(apkg) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        presets_text, decks_text = db.execute("SELECT dconf, decks FROM col").fetchone()
    finally:
        db.close()
    return json.loads(presets_text), list(json.loads(decks_text).values())


def test_the_package_holds_the_preset_under_its_released_id_with_a_new_ankis_defaults(
    tmp_path: Path,
) -> None:
    """`DECK_OPTIONS_ID` ±1 and the leech action made 2 (no action an old client knows;
    a new Anki reads it as tag only, so the import tests passed) were unseen."""
    presets, decks = _package_collection(tmp_path)

    ours = presets[str(RELEASED_PRESET_ID)]
    assert ours["id"] == RELEASED_PRESET_ID
    assert ours["lapse"]["leechAction"] == 1  # tag only, as a new collection's Default
    assert (ours["new"]["bury"], ours["rev"]["bury"], ours["rev"]["perDay"]) == (False, False, 200)
    assert ours["easyDaysPercentages"] == [1.0] * 7
    ours_decks = [deck for deck in decks if deck["name"].startswith(TOP_DECK)]
    assert ours_decks, [deck["name"] for deck in decks]
    assert {deck["conf"] for deck in ours_decks} == {RELEASED_PRESET_ID}


def test_a_shared_title_is_told_apart_by_the_pack_name_as_one_deck_level() -> None:
    """A pack folder named with colons: its name in brackets is one level of the deck
    name, as its title is (`anki_deck_part(pack) or pack` made `and` wrote `ml::extra`,
    which Anki splits into two levels)."""
    names = pack_deck_names(["ml::extra", "other"], {"ml::extra": "Extra", "other": "Extra"})
    assert names == {"ml::extra": "Extra (ml:extra)", "other": "Extra (other)"}
    names = pack_deck_names([":", "b"], {":": "Extra", "b": "Extra"})
    assert names == {":": "Extra (:)", "b": "Extra (b)"}
