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
