"""A pack with no card file is a warning at its pack.yaml, in lint and the app's load: lint
said "0 cards checked, no problems" of a pack.yaml written before its first card, and the
app listed nothing of it. Cards put one folder too deep are their own problem (`misplaced`),
told once."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.lint import lint
from quiz.bank.loader import load_bank

WARNING = "pack 'mini' has no card: add one at mini/<topic>/<id>.md"


def test_a_pack_with_no_card_is_warned_of(mini_bank: Path) -> None:
    shutil.rmtree(mini_bank / "mini" / "basics")
    (mini_bank / "mini" / "basics").mkdir()  # an empty topic folder is no card either
    pack = mini_bank / "mini" / "pack.yaml"
    bank = load_bank([mini_bank], use_cache=False)
    told = [(p.path, p.line, p.code, p.message, p.is_error) for p in bank.problems]
    assert told == [(pack, 1, "empty-pack", WARNING, False)]
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.path, p.code, p.is_error) for p in problems] == [(pack, "empty-pack", False)]


def test_a_pack_whose_only_file_is_misplaced_is_told_that_once(mini_bank: Path) -> None:
    basics = mini_bank / "mini" / "basics"
    deep = basics / "deeper"
    deep.mkdir()
    for card in basics.glob("*.md"):
        card.rename(deep / card.name)
    codes = {p.code for p in load_bank([mini_bank], use_cache=False).problems}
    assert codes == {"misplaced"}  # the cause, not also an empty pack


def test_a_pack_with_cards_gets_no_warning(mini_bank: Path) -> None:
    assert load_bank([mini_bank], use_cache=False).problems == ()


def test_an_empty_pack_with_order_is_one_warning(mini_bank: Path) -> None:
    """pack.yaml written first, with the order of the cards to come: one cause, told once.
    Each entry was an error of its own ("'a' is not a card of this pack: write the id of one
    of its cards"), though the pack has no card to name, and the run failed."""
    shutil.rmtree(mini_bank / "mini" / "basics")
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - what-is-relu\n  - sigmoid-bound\n  - dropout-inference\n  - more\n")
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.path, p.line, p.code, p.message, p.is_error) for p in problems] == [
        (
            pack,
            1,
            "empty-pack",
            "pack 'mini' has no card: add one at mini/<topic>/<id>.md (its order lists 4 not "
            "written yet: what-is-relu, sigmoid-bound, dropout-inference, ...)",
            False,
        )
    ]


def test_order_entries_of_a_pack_with_cards_are_still_errors(mini_bank: Path) -> None:
    pack = mini_bank / "mini" / "pack.yaml"
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - what-is-relu\n  - not-written\n")
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.line, p.code, p.is_error) for p in problems] == [(6, "pack", True)]
