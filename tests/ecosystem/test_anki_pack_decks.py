"""Two packs titled alike keep decks of their own in Anki.

Anki finds a deck by its name, letter case aside. The export named each pack's decks by
its title only, so two packs with one title (a pack copied to make a variant keeps its
title) shared the pack deck, and Anki filed one pack's topic deck as `math_` (checked
with the `anki` library 26.09.3: `drillbit::Extra::schedules` and `...::schedules_`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageRequest

from quiz.bank.loader import load_bank
from quiz.ecosystem.anki import export_anki
from quiz.ecosystem.anki_decks import pack_deck_names
from tests.ecosystem.test_anki import ANKI_BANK, export, read_apkg


def _copy_pack(content: Path, pack: str, title: str) -> None:
    """The fixture pack as `pack`, titled `title`, its card ids prefixed with the pack's name."""
    shutil.copytree(ANKI_BANK / "anki", content / pack)
    pack_yaml = content / pack / "pack.yaml"
    text = pack_yaml.read_text(encoding="utf-8")
    pack_yaml.write_text(text.replace("title: Anki export fixture", f"title: {title}"))
    for card in (content / pack).rglob("*.md"):
        renamed = card.with_name(f"{pack}-{card.name}")
        body = card.read_text(encoding="utf-8").replace("\nid: ", f"\nid: {pack}-", 1)
        renamed.write_text(body, encoding="utf-8")
        card.unlink()


def _deck_names(apkg: Path, tmp_path: Path) -> set[str]:
    _, decks, _ = read_apkg(apkg, tmp_path)
    return {deck["name"] for deck in decks.values() if isinstance(deck, dict)}


def test_packs_titled_alike_get_decks_of_their_own(tmp_path: Path) -> None:
    content = tmp_path / "content"
    _copy_pack(content, "first", "Extra")
    _copy_pack(content, "second", "EXTRA")  # Anki's deck names ignore letter case
    result = export(tmp_path, "deck.apkg", "--pack", "first", "--pack", "second", content=[content])
    assert result.exit_code == 0, result.output
    assert _deck_names(tmp_path / "deck.apkg", tmp_path / "x") == {
        "Default",  # genanki's collection always holds it
        "drillbit",
        "drillbit::Extra (first)",
        "drillbit::Extra (first)::math",
        "drillbit::EXTRA (second)",
        "drillbit::EXTRA (second)::math",
    }
    assert "pack 'second' is the deck 'EXTRA (second)' in Anki" in result.output


def test_a_pack_with_a_title_of_its_own_keeps_its_deck_name(tmp_path: Path) -> None:
    content = tmp_path / "content"
    _copy_pack(content, "first", "Extra")
    _copy_pack(content, "second", "Other")
    result = export(tmp_path, "deck.apkg", "--pack", "first", "--pack", "second", content=[content])
    assert result.exit_code == 0, result.output
    assert "drillbit::Extra::math" in _deck_names(tmp_path / "deck.apkg", tmp_path / "x")
    assert "another pack exported has the same title" not in result.output


def test_names_compare_as_anki_compares_them() -> None:
    """Unicode-normalized and case-folded: 'Ü' written as U+00DC or as U+0055 U+0308."""
    names = pack_deck_names(["a", "b", "c"], {"a": "\u00dcbung", "b": "u\u0308bung", "c": "Other"})
    assert names == {"a": "\u00dcbung (a)", "b": "u\u0308bung (b)", "c": "Other"}


def test_anki_files_each_packs_cards_in_its_own_decks(tmp_path: Path) -> None:
    """Anki itself imports the export: before, one pack's cards went to `math_`."""
    content = tmp_path / "content"
    _copy_pack(content, "first", "Extra")
    _copy_pack(content, "second", "Extra")
    bank = load_bank([content])
    apkg = tmp_path / "deck.apkg"
    titles = {name: pack.info.title for name, pack in bank.packs.items()}
    export_anki(bank.cards, apkg, pack_titles=titles, now=1_700_000_000)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg)))
        filed = {
            col.get_card(card).note()["CardId"]: col.decks.name(col.get_card(card).did)
            for card in col.find_cards("")
        }
    finally:
        col.close()
    assert len(filed) == 2 * 3  # each pack's four cards but its coding drill
    for card_id, deck in filed.items():
        pack = card_id.split("-", 1)[0]
        assert deck == f"drillbit::Extra ({pack})::math", card_id
