"""`drillbit lint` given many card files (pre-commit passes every changed one) costs what
the bank costs, not the bank times the files: telling whether each card of the bank is
one of the given files was a pass over all of them, 21 minutes for 3,000 files of a
10,000-card bank before the lint itself began."""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.bank.loader import under


def _tree(root: Path, count: int) -> list[Path]:
    files = []
    for index in range(count):
        path = root / "pack" / f"topic-{index % 4}" / f"card-{index:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
        files.append(path)
    return files


def test_which_cards_are_under_the_given_paths_is_unchanged(tmp_path: Path) -> None:
    cards = _tree(tmp_path, 40)
    other = tmp_path / "elsewhere" / "card.md"
    other.parent.mkdir()
    other.write_text("x")
    inside = under([*cards[:10], tmp_path / "pack" / "topic-3"])
    expected = set(cards[:10]) | {c for c in cards if c.parent.name == "topic-3"}
    assert {c for c in [*cards, other] if inside(c)} == expected
    assert under([tmp_path])(other) and not under([cards[0]])(cards[1])
    relative = Path("pack") / "topic-0" / "card-000.md"  # as a shell passes it
    assert under([tmp_path / relative])(cards[0])


def test_the_work_grows_with_the_cards_not_the_cards_times_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = _tree(tmp_path, 300)
    inside = under(cards)  # every card given, as `pre-commit run --all-files` does
    compared = 0
    equal: Callable[[pathlib.PurePath, object], bool] = pathlib.PurePath.__eq__

    def counting(self: pathlib.PurePath, other: object) -> bool:
        nonlocal compared
        compared += 1
        return equal(self, other)

    monkeypatch.setattr(pathlib.PurePath, "__eq__", counting)
    hits = sum(inside(card) for card in cards)
    monkeypatch.undo()
    assert hits == len(cards)
    # a lookup per card and per parent (a hash and a match); a pass over the 300 given
    # paths for each card was 45,000 comparisons and more
    assert compared < 20 * len(cards), compared
