"""The Anki package as an Anki older than the one the tests run reads it.

Anki 2.1.49 (its `anki` library, run by hand: it is not a test dependency) imports the
export with its older importer, no error, every card landed and the preset always
applied. Its v3 scheduler numbered the sort orders of new cards otherwise, and the
preset's value 1, "Order gathered" today, was "card type, then descending position"
there: the bundled bank began with its last card. Old AnkiDroid reads keys of the old-schema
preset that a new Anki dropped. These tests read the package's own collection.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.deck_config_pb2 import DeckConfig

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki
from quiz.ecosystem.anki_decks import (
    DECK_OPTIONS_ID,
    DEFAULT_OPTIONS_ID,
    REWRITTEN_NOTE,
    TOP_DECK,
    TOP_DECK_DESCRIPTION,
)
from tests.conftest import DATA
from tests.ecosystem.anki_presets import flat_options

OLD_V3_SORT_ORDERS = {
    0: "card type, then ascending position",
    1: "card type, then descending position",
    2: "card type, then random",
    3: "ascending position",
    4: "descending position",
    5: "random",
    6: "card type",
    7: "as gathered",
}
"""NewCardSortOrder of Anki 2.1.49 (deckconfig.proto of its library)."""


def _package(tmp_path: Path) -> Path:
    bank = load_bank([DATA / "anki_bank"])
    apkg = tmp_path / "deck.apkg"
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    export_anki(bank.cards, apkg, pack_titles=titles, now=1_700_000_000)
    return apkg


def _collection_rows(apkg: Path, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The package collection's presets and note types, as its `col` row holds them."""
    with zipfile.ZipFile(apkg) as archive:
        path = archive.extract("collection.anki2", tmp_path / "unpacked")
    conn = sqlite3.connect(path)
    try:
        dconf, models = conn.execute("SELECT dconf, models FROM col").fetchone()
    finally:
        conn.close()
    return json.loads(dconf), json.loads(models)


def test_the_preset_keeps_every_key_of_the_old_schema_preset(tmp_path: Path) -> None:
    """genanki's Default is an old Anki's preset: drillbit's has each of its keys, with a
    value of the same type. `new.separate`, `rev.fuzz` and `rev.minSpace` were dropped, and
    the old AnkiDroid's options screen and scheduler read them with getters that throw
    on a missing key."""
    presets, _ = _collection_rows(_package(tmp_path), tmp_path)
    old = flat_options(presets[str(DEFAULT_OPTIONS_ID)])
    ours = flat_options(presets[str(DECK_OPTIONS_ID)])
    missing = sorted(key for key in old if key not in ours)
    assert missing == []
    retyped = [key for key in old if type(ours[key]) is not type(old[key])]
    assert retyped == []


def test_the_sort_order_is_the_gathered_order_on_old_and_new_anki(tmp_path: Path) -> None:
    """The value is "card type, then order gathered" today and "card type, then
    ascending position" on 2.1.49; with one card type per note type both are
    the teaching order the preset gathers by."""
    presets, models = _collection_rows(_package(tmp_path), tmp_path)
    ours = presets[str(DECK_OPTIONS_ID)]
    assert ours["newGatherPriority"] == DeckConfig.Config.NEW_CARD_GATHER_PRIORITY_LOWEST_POSITION
    assert ours["newSortOrder"] == DeckConfig.Config.NEW_CARD_SORT_ORDER_TEMPLATE
    assert OLD_V3_SORT_ORDERS[ours["newSortOrder"]] == "card type, then ascending position"
    assert [len(model["tmpls"]) for model in models.values()] == [1, 1, 1]


def test_the_top_deck_says_each_import_writes_its_description_again(tmp_path: Path) -> None:
    """Anki gives an imported deck the package's description even when the deck is there
    already, so a learner's own text on the `drillbit` deck goes at the next import: the
    text they would edit says so, and where their text stays: the pack and topic decks,
    whose description in the package is empty, which Anki's importer does not copy."""
    apkg = _package(tmp_path)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        names = [deck.name for deck in col.decks.all_names_and_ids()]
        below = [name for name in names if name.startswith(f"{TOP_DECK}::")]
        assert len(below) == 2  # the pack's deck and its topic's
        for name in [TOP_DECK, *below]:
            deck = col.decks.by_name(name)
            assert deck is not None
            deck["desc"] = f"my own notes on {name}"
            col.decks.save(deck)
        col.import_anki_package(request)
        again = col.decks.by_name(TOP_DECK)
        assert again is not None
        assert again["desc"] == TOP_DECK_DESCRIPTION
        for name in below:  # the package's description is empty: Anki keeps the learner's
            kept = col.decks.by_name(name)
            assert kept is not None
            assert kept["desc"] == f"my own notes on {name}"
    finally:
        col.close()
    assert REWRITTEN_NOTE in TOP_DECK_DESCRIPTION
    assert "a description you give a pack or topic deck stays" in TOP_DECK_DESCRIPTION
    assert "v3 scheduler" in TOP_DECK_DESCRIPTION
