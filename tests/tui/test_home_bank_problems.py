"""Home shows what is wrong with the bank in lint's words: a pack.yaml that does not load
(its cards do) was not shown at all, and a card file that does not load only counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory, screen_lines, wait_until


def _summary(app: object) -> str:
    return str(app.screen.query_one("#home-summary").render())  # type: ignore[attr-defined]


async def test_a_bad_pack_yaml_is_shown_at_its_line(build: AppFactory, tui_bank: Path) -> None:
    pack = next(tui_bank.glob("*/pack.yaml"))
    with pack.open("a", encoding="utf-8") as file:
        file.write("order:\n  - Not_An_Id\n")
    app = build()
    async with app.run_test() as pilot:
        assert await wait_until(pilot, lambda: "pack.yaml" in _summary(app))
        summary = _summary(app)
        assert f"{pack}:" in summary and "'Not_An_Id' must be kebab-case" in summary
        assert "write 'not-an-id'" in summary and "run `drillbit lint`" in summary
        assert len(app.workspace.cards) > 0  # its cards still load


async def test_a_card_that_does_not_load_is_shown_with_why(
    build: AppFactory, tui_bank: Path
) -> None:
    card = next(tui_bank.glob("*/*/*.md"))
    card.write_text(card.read_text(encoding="utf-8").replace("kind: ", "kind: essay #", 1))
    app = build()
    async with app.run_test() as pilot:
        assert await wait_until(pilot, lambda: "could not be loaded" in _summary(app))
        summary = _summary(app)
        assert f"{card}:3:1: kind must be one of" in summary
        assert "1 card file could not be loaded" in summary


async def test_the_first_file_is_shown_as_lint_shows_it(
    build: AppFactory, tui_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An absolute `--content` below the working folder: lint says `content/...:3:1`, and
    Home said the absolute path the card index keeps."""
    monkeypatch.chdir(tui_bank.parent)
    card = next(tui_bank.glob("*/*/*.md"))
    card.write_text(card.read_text(encoding="utf-8").replace("kind: ", "kind: essay #", 1))
    shown = card.relative_to(tui_bank.parent)
    app = build()
    assert tui_bank.is_absolute()
    async with app.run_test(size=(80, 24)) as pilot:
        assert await wait_until(pilot, lambda: "could not be loaded" in _summary(app))
        summary = _summary(app)
        assert f"{shown}:3:1: kind must be one of" in summary
        assert str(tui_bank) not in summary
        drawn = "\n".join(line.text for line in screen_lines(app))
        assert f"{shown}:3:1" in drawn
