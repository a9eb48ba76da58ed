"""Two packs titled alike keep decks of their own in Anki.

Anki finds a deck by its name, letter case aside. The export named each pack's decks by
its title only, so two packs with one title (a pack copied to make a variant keeps its
title) shared the pack deck, and Anki filed one pack's topic deck as `math_` (checked
with the `anki` library 26.09.3: `drillbit::Extra::schedules` and `...::schedules_`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

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
